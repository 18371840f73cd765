using StudyBot.Core.Retrieval;
using Microsoft.Extensions.VectorData;
using StudyBot.Knowledge.Index;
using StudyBot.Knowledge.Sources;

namespace StudyBot.Knowledge.Ingestion;

/// <summary>Entry point for ingestion: loads the index once, then runs sources one after another.</summary>
public sealed class KnowledgeIngestion(VectorStoreCollection<string, ChunkRecord> index, SourceCatalog catalog, IngestionPipeline pipeline)
{
    public Task LoadIndexAsync(CancellationToken cancellationToken) => index.EnsureCollectionExistsAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<string, IngestionCounts?>> IngestAllAsync(CancellationToken cancellationToken)
    {
        await LoadIndexAsync(cancellationToken);
        var results = new Dictionary<string, IngestionCounts?>(StringComparer.OrdinalIgnoreCase);
        foreach (var source in catalog.All)
        {
            results[source.Name] = await pipeline.RunAsync(source, cancellationToken);
        }

        return results;
    }

    /// <summary>Ingests one source, configured or ad hoc (the command line's <c>ingest &lt;path&gt;</c>).</summary>
    public async Task<IngestionCounts?> IngestAsync(IKnowledgeSource source, CancellationToken cancellationToken)
    {
        await LoadIndexAsync(cancellationToken);
        return await pipeline.RunAsync(source, cancellationToken);
    }
}
