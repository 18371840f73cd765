using Hangfire.Dashboard;
using StudyBot.Core.Ingestion;
using StudyBot.Knowledge.Sources;

namespace StudyBot.Operations.Jobs;

/// <summary>A panel on the Hangfire dashboard's home page: each source's state from the run store and, while it runs, documents done of total.</summary>
internal static class IngestionDashboardMetric
{
    public static readonly DashboardMetric Metric = new("studybot:ingestion", "Ingestion", page =>
    {
        var http = page.Context.GetHttpContext();
        // Hangfire renders its dashboard synchronously.
        var runs = http.RequestServices.GetRequiredService<ISourceRunStore>().GetAllAsync(http.RequestAborted).GetAwaiter().GetResult();
        var parts = http.RequestServices.GetRequiredService<SourceCatalog>().All.Select(source =>
        {
            var run = runs.GetValueOrDefault(source.Name);
            return run is { State: SourceRunState.Running }
                ? $"{source.Name} {run.Done}/{run.Total}"
                : $"{source.Name} {(run?.State ?? SourceRunState.Pending).Name()}";
        }).ToList();
        var running = runs.Values.Any(r => r.State == SourceRunState.Running);
        return new Metric(parts.Count == 0 ? "no sources" : string.Join(" · ", parts))
        {
            Style = running ? MetricStyle.Info : MetricStyle.Default,
            Highlighted = running,
        };
    });
}
