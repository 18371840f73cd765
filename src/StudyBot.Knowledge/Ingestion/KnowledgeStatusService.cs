using StudyBot.Core.Retrieval;
using StudyBot.Knowledge.Index;
using StudyBot.Knowledge.Sources;

namespace StudyBot.Knowledge.Ingestion;

/// <summary>Status per source: configured sources plus any other source still present in the index (state "unconfigured": never run again).</summary>
public sealed class KnowledgeStatusService(IDocumentIndex index, SourceCatalog catalog, IngestionTracker tracker, EmbeddingBackfill embeddings, TimeProvider time) : IKnowledgeStatus
{
    public async Task<KnowledgeStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        var names = catalog.All.Select(s => s.Name)
            .Concat(await index.GetSourcesAsync(cancellationToken))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var sources = new List<SourceStatus>();
        foreach (var name in names)
        {
            var counts = await index.CountAsync(name, cancellationToken);
            var run = tracker.Get(name);
            var configured = catalog.Find(name);
            sources.Add(new SourceStatus(
                name, configured?.Type ?? "Files", configured is not null, counts.Documents, counts.Chunks,
                configured is null && run.State == "pending" ? "unconfigured" : run.State,
                run.LastStarted, run.LastFinished, run.Done, run.Total, run.LastRun, run.VisibleErrors,
                catalog.ScheduleOf(name), EstimateSecondsLeft(run), run.LastSucceeded, run.LastError));
        }

        var total = await index.CountAsync(null, cancellationToken);
        return new KnowledgeStatus(total.Documents, total.Chunks, sources, embeddings.Progress);
    }

    /// <summary>Time left at the run's average pace so far; null before the first document is done.</summary>
    private double? EstimateSecondsLeft(SourceRun run)
    {
        if (run.State != "running" || run.Done == 0 || run.LastStarted is not { } started)
        {
            return null;
        }

        var elapsed = (time.GetUtcNow() - started).TotalSeconds;
        return Math.Round(elapsed / run.Done * (run.Total - run.Done), 1);
    }
}
