using StudyBot.Core.Ingestion;
using StudyBot.Core.Retrieval;
using StudyBot.Knowledge.Index;
using StudyBot.Knowledge.Sources;

namespace StudyBot.Knowledge.Ingestion;

/// <summary>
/// Status per source, with its runs from the run store: configured sources plus any other source
/// still present in the index (state "unconfigured": never run again).
/// </summary>
public sealed class KnowledgeStatusService(IDocumentIndex index, SourceCatalog catalog, ISourceRunStore runs, EmbeddingBackfill embeddings, TimeProvider time) : IKnowledgeStatus
{
    public async Task<KnowledgeStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        var names = catalog.All.Select(s => s.Name)
            .Concat(await index.GetSourcesAsync(cancellationToken))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var all = await runs.GetAllAsync(cancellationToken);
        var sources = new List<SourceStatus>();
        foreach (var name in names)
        {
            var counts = await index.CountAsync(name, cancellationToken);
            var run = all.GetValueOrDefault(name);
            var configured = catalog.Find(name);
            sources.Add(new SourceStatus(
                name, configured?.Type ?? "Files", configured is not null, counts.Documents, counts.Chunks,
                configured is null && run?.State is not SourceRunState.Running ? SourceRunState.Unconfigured : run?.State ?? SourceRunState.Pending,
                run?.StartedAt, run?.FinishedAt, run?.Done ?? 0, run?.Total ?? 0, run?.LastRun, run?.Errors ?? [],
                catalog.ScheduleOf(name), EstimateSecondsLeft(run), run?.LastSucceeded, run?.LastError));
        }

        var total = await index.CountAsync(null, cancellationToken);
        return new KnowledgeStatus(total.Documents, total.Chunks, sources, embeddings.Progress);
    }

    /// <summary>Time left at the run's average pace so far; null before the first document is done.</summary>
    private double? EstimateSecondsLeft(SourceRun? run)
    {
        if (run is not { State: SourceRunState.Running, Done: > 0, StartedAt: { } started })
        {
            return null;
        }

        var elapsed = (time.GetUtcNow() - started).TotalSeconds;
        return Math.Round(elapsed / run.Done * (run.Total - run.Done), 1);
    }
}
