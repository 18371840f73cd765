using Microsoft.Extensions.Logging.Abstractions;
using StudyBot.Core.Ingestion;
using StudyBot.Knowledge.Chunking;
using StudyBot.Knowledge.Embeddings;
using StudyBot.Knowledge.Index.Embedded;
using StudyBot.Knowledge.Ingestion;
using StudyBot.Knowledge.Retrieval;
using StudyBot.Knowledge.Sources;
using StudyBot.Tests;

namespace StudyBot.Knowledge.Tests;

/// <summary>The real embedded store (SQLite file in a temp folder), ingestion pipeline and retriever.</summary>
internal sealed class KnowledgeTestBed : IDisposable
{
    private readonly TempFolder _data = new();

    public KnowledgeTestBed()
    {
        Store = OpenStore();
        Pipeline = new IngestionPipeline(Store, Embedder, new MarkdownChunker(new ChunkingOptions { MaxTokens = 120, OverlapTokens = 15 }, TokenCounter.Default),
            TimeProvider.System, NullLogger<IngestionPipeline>.Instance);
        Retriever = new HybridRetriever(Store, Store, Embedder);
    }

    public HashingEmbeddingGenerator Embedder { get; } = new();

    public EmbeddedChunkStore Store { get; private set; }

    public IngestionPipeline Pipeline { get; }

    public HybridRetriever Retriever { get; }

    /// <summary>The whole result of the last <see cref="RunAsync"/>: its failure and document errors.</summary>
    public IngestionResult? LastResult { get; private set; }

    public async Task<IngestionCounts> RunAsync(IKnowledgeSource source)
    {
        await Store.EnsureCollectionExistsAsync();
        LastResult = await Pipeline.RunAsync(source, CancellationToken.None);
        return LastResult.Counts;
    }

    public EmbeddedChunkStore OpenStore() =>
        new(Path.Combine(_data.Path, "index.db"), HashingEmbeddingGenerator.IdFor(HashingEmbeddingGenerator.DefaultDimensions), HashingEmbeddingGenerator.DefaultDimensions);

    public void Dispose()
    {
        Store.Dispose();
        _data.Dispose();
    }
}
