using StudyBot.Core.Retrieval;
using StudyBot.Knowledge.Index;
using StudyBot.Knowledge.Sources;

namespace StudyBot.Knowledge.Ingestion;

/// <summary>Status per source: configured sources plus any other source still present in the index.</summary>
public sealed class KnowledgeStatusService(IDocumentIndex index, SourceCatalog catalog, IngestionTracker tracker) : IKnowledgeStatus
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
                name, configured?.Type ?? "Files", configured is not null, counts.Documents, counts.Chunks, run.State,
                run.LastStarted, run.LastFinished, run.Done, run.Total, run.LastRun, run.VisibleErrors));
        }

        var total = await index.CountAsync(null, cancellationToken);
        return new KnowledgeStatus(total.Documents, total.Chunks, sources);
    }
}
