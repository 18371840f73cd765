using Hangfire.Dashboard;
using StudyBot.Knowledge.Ingestion;
using StudyBot.Knowledge.Sources;

namespace StudyBot.Operations.Jobs;

/// <summary>A panel on the Hangfire dashboard's home page: each source's state and, while it runs, documents done of total.</summary>
internal static class IngestionDashboardMetric
{
    public static readonly DashboardMetric Metric = new("studybot:ingestion", "Ingestion", page =>
    {
        var services = page.Context.GetHttpContext().RequestServices;
        var tracker = services.GetRequiredService<IngestionTracker>();
        var parts = services.GetRequiredService<SourceCatalog>().All.Select(source =>
        {
            var run = tracker.Get(source.Name);
            return run.State == "running" ? $"{source.Name} {run.Done}/{run.Total}" : $"{source.Name} {run.State}";
        }).ToList();
        var running = parts.Any(p => p.Contains('/', StringComparison.Ordinal));
        return new Metric(parts.Count == 0 ? "no sources" : string.Join(" · ", parts))
        {
            Style = running ? MetricStyle.Info : MetricStyle.Default,
            Highlighted = running,
        };
    });
}
