using Microsoft.Extensions.AI;
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
    private readonly CountingGenerator _counting;

    public KnowledgeTestBed()
    {
        _counting = new CountingGenerator(Embedder);
        Store = OpenStore();
        var chunks = new ChunkEmbedder(Selection, new VectorCache(Path.Combine(_data.Path, "embeddings.db"), Selection.Id));
        Pipeline = new IngestionPipeline(Store, chunks, new MarkdownChunker(new ChunkingOptions { MaxTokens = 120, OverlapTokens = 15 }, TokenCounter.Default),
            TimeProvider.System, NullLogger<IngestionPipeline>.Instance);
        Backfill = new EmbeddingBackfill(Store, chunks, TimeProvider.System, NullLogger<EmbeddingBackfill>.Instance);
        Retriever = NewRetriever(Store);
    }

    public HashingEmbeddingGenerator Embedder { get; } = new();

    /// <summary>Texts given to the embedder so far (the content-hash cache keeps this from growing on re-runs).</summary>
    public int EmbeddedTexts => _counting.Texts;

    /// <summary>The hashing embedder: instant, so these tests exercise ingestion and the store, not the model.</summary>
    public EmbedderSelection Selection => new(_counting, HashingEmbeddingGenerator.IdFor(HashingEmbeddingGenerator.DefaultDimensions), HashingEmbeddingGenerator.DefaultDimensions);

    /// <summary>Computes the vectors the pipeline left to the background (the host runs this as a hosted service).</summary>
    public EmbeddingBackfill Backfill { get; }

    public EmbeddedChunkStore Store { get; private set; }

    public IngestionPipeline Pipeline { get; }

    public HybridRetriever Retriever { get; }

    /// <summary>The whole result of the last <see cref="RunAsync"/>: its failure and document errors.</summary>
    public IngestionResult? LastResult { get; private set; }

    /// <summary>One run of the pipeline, then the background vectors it left, as the host would compute them.</summary>
    public async Task<IngestionCounts> RunAsync(IKnowledgeSource source)
    {
        await Store.EnsureCollectionExistsAsync();
        LastResult = await Pipeline.RunAsync(source, CancellationToken.None);
        await Backfill.CompleteAsync(CancellationToken.None);
        return LastResult.Counts;
    }

    public HybridRetriever NewRetriever(EmbeddedChunkStore store) =>
        new(store, store, new QueryEmbeddings(Selection), NullLogger<HybridRetriever>.Instance);

    public EmbeddedChunkStore OpenStore() =>
        new(Path.Combine(_data.Path, "index.db"), HashingEmbeddingGenerator.IdFor(HashingEmbeddingGenerator.DefaultDimensions), HashingEmbeddingGenerator.DefaultDimensions);

    public void Dispose()
    {
        Store.Dispose();
        _data.Dispose();
    }

    private sealed class CountingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner) : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
    {
        public int Texts;

        public override Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            var list = values.ToList();
            Interlocked.Add(ref Texts, list.Count);
            return base.GenerateAsync(list, options, cancellationToken);
        }
    }
}
