using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.VectorData;
using StudyBot.Core.Retrieval;
using StudyBot.Knowledge.Index.Lexical;
using StudyBot.Knowledge.Text;

namespace StudyBot.Knowledge.Index.Qdrant;

/// <summary>
/// The production vector store: chunks in a Qdrant collection, searched with the Query API
/// (dense and sparse prefetches fused by RRF). A document is replaced without showing half of it:
/// its new chunks are written hidden, then one batch request shows them and drops the old ones;
/// a failed write leaves the old chunks serving and its hidden leftovers are dropped by the next.
/// </summary>
public sealed class QdrantChunkStore(QdrantClient client, QdrantClient probe, string embedderId, int dimensions, int batchSize)
    : DocumentChunkStore, IKeywordHybridSearchable<ChunkRecord>, IDocumentIndex, IIndexReadiness
{
    private const int ScrollPage = 256;
    private readonly SemaphoreSlim _ensureGate = new(1, 1);
    private bool _ready;

    public override string Name => client.Collection;

    /// <summary>Weights of the sparse (lexical) and dense rankings in the fusion.</summary>
    public IReadOnlyList<double> FusionWeights { get; init; } = [1.0, 1.0];

    public override Task<bool> CollectionExistsAsync(CancellationToken cancellationToken = default) => client.CollectionExistsAsync(cancellationToken);

    /// <summary>Creates the collection and its payload indexes if missing; refuses one made for other vectors.</summary>
    public override async Task EnsureCollectionExistsAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _ready))
        {
            return;
        }

        await _ensureGate.WaitAsync(cancellationToken);
        try
        {
            if (_ready)
            {
                return;
            }

            if (!await client.CollectionExistsAsync(cancellationToken))
            {
                try
                {
                    await client.CreateCollectionAsync(QdrantCollectionSchema.For(dimensions), cancellationToken);
                }
                catch (QdrantException ex) when (ex.StatusCode == System.Net.HttpStatusCode.Conflict)
                {
                    // Another host created it a moment ago; its schema is checked below.
                }
            }

            var info = await client.GetCollectionAsync(cancellationToken);
            if (QdrantCollectionSchema.Mismatch(info, client.Collection, dimensions, embedderId) is { } mismatch)
            {
                throw new QdrantCollectionMismatchException(mismatch);
            }

            foreach (var (field, type) in QdrantPoints.Indexes)
            {
                if (info.PayloadSchema?.ContainsKey(field) != true)
                {
                    await client.CreateFieldIndexAsync(new CreateFieldIndex(field, type), cancellationToken);
                }
            }

            Volatile.Write(ref _ready, true);
        }
        finally
        {
            _ensureGate.Release();
        }
    }

    public override Task EnsureCollectionDeletedAsync(CancellationToken cancellationToken = default) =>
        throw new NotSupportedException($"StudyBot does not delete Qdrant collections; delete '{client.Collection}' with Qdrant's own API");

    /// <summary>Ready when Qdrant answers within a few seconds and the collection is in place.</summary>
    public async Task<IndexReadiness> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (!await probe.CollectionExistsAsync(cancellationToken) || !Volatile.Read(ref _ready))
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(5));
                await EnsureCollectionExistsAsync(timeout.Token);
            }

            return new IndexReadiness(true, "ready");
        }
        catch (Exception ex) when (ex is KnowledgeUnavailableException or QdrantException or QdrantCollectionMismatchException or OperationCanceledException
                                   && !cancellationToken.IsCancellationRequested)
        {
            return new IndexReadiness(false, ex is OperationCanceledException ? $"Qdrant collection '{client.Collection}' is not ready yet" : ex.Message);
        }
    }

    public override async Task<ChunkRecord?> GetAsync(string key, RecordRetrievalOptions? options = null, CancellationToken cancellationToken = default)
    {
        await foreach (var chunk in GetAsync([key], options, cancellationToken))
        {
            return chunk;
        }

        return null;
    }

    public override async IAsyncEnumerable<ChunkRecord> GetAsync(IEnumerable<string> keys, RecordRetrievalOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (options?.IncludeVectors == true)
        {
            throw new NotSupportedException("chunks are read from Qdrant without their vectors");
        }

        await EnsureCollectionExistsAsync(cancellationToken);
        var filter = QdrantPoints.LiveChunks(null, QdrantPoints.IsAny(QdrantPoints.Key, keys));
        await foreach (var payload in ScrollAsync(filter, cancellationToken))
        {
            yield return QdrantPoints.ToChunk(payload);
        }
    }

    public override async IAsyncEnumerable<VectorSearchResult<ChunkRecord>> SearchAsync<TInput>(
        TInput searchValue, int top, VectorSearchOptions<ChunkRecord>? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var sources = SourceFilterTranslator.Translate(options?.Filter);
        if (sources is { Count: 0 })
        {
            yield break;
        }

        await EnsureCollectionExistsAsync(cancellationToken);
        var request = new QueryRequest(ToVector(searchValue), top, Using: QdrantPoints.DenseVector,
            Filter: QdrantPoints.LiveChunks(sources), Offset: options?.Skip is > 0 ? options.Skip : null);
        foreach (var result in Results(await client.QueryAsync(request, cancellationToken)))
        {
            yield return result;
        }
    }

    /// <summary>Sparse (lexical, idf-weighted) and dense prefetches fused by RRF, on live chunks of the wanted sources.</summary>
    public async IAsyncEnumerable<VectorSearchResult<ChunkRecord>> HybridSearchAsync<TInput>(
        TInput searchValue, ICollection<string> keywords, int top, HybridSearchOptions<ChunkRecord>? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TInput : notnull
    {
        var sources = SourceFilterTranslator.Translate(options?.Filter);
        if (sources is { Count: 0 })
        {
            yield break;
        }

        await EnsureCollectionExistsAsync(cancellationToken);
        var filter = QdrantPoints.LiveChunks(sources);
        var terms = TextAnalyzer.Terms(string.Join(' ', keywords)).Distinct(StringComparer.Ordinal).ToList();
        var depth = Math.Max(50, top * 5);
        var vector = ToVector(searchValue);
        // An empty query vector (the embedding model failed) searches by words only.
        List<Prefetch> prefetch = vector.Length == 0 ? [] : [new(vector, QdrantPoints.DenseVector, depth, filter)];
        List<float> weights = vector.Length == 0 ? [] : [(float)FusionWeights[1]];
        if (terms.Count > 0)
        {
            prefetch.Insert(0, new Prefetch(SparseText.EncodeQuery(terms), QdrantPoints.SparseVector, depth, filter));
            weights.Insert(0, (float)FusionWeights[0]);
        }

        if (prefetch.Count == 0)
        {
            yield break;
        }

        var request = new QueryRequest(new RrfQuery(new Rrf(60, weights)), top, prefetch, Filter: filter, Offset: options?.Skip is > 0 ? options.Skip : null);
        foreach (var result in Results(await client.QueryAsync(request, cancellationToken)))
        {
            yield return result;
        }
    }

    public async Task<IReadOnlyDictionary<string, IndexedDocument>> GetDocumentsAsync(string source, CancellationToken cancellationToken)
    {
        await EnsureCollectionExistsAsync(cancellationToken);
        var documents = new Dictionary<string, IndexedDocument>(StringComparer.Ordinal);
        var filter = new Filter([QdrantPoints.Is(QdrantPoints.Kind, QdrantPoints.DocumentKind), QdrantPoints.Is(QdrantPoints.Source, source)]);
        await foreach (var payload in ScrollAsync(filter, cancellationToken))
        {
            var document = QdrantPoints.ToDocument(payload, embedderId);
            documents[document.DocumentId] = document;
        }

        return documents;
    }

    public async Task<IReadOnlyList<string>> GetSourcesAsync(CancellationToken cancellationToken)
    {
        await EnsureCollectionExistsAsync(cancellationToken);
        var sources = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var payload in ScrollAsync(new Filter([QdrantPoints.Is(QdrantPoints.Kind, QdrantPoints.DocumentKind)]), cancellationToken))
        {
            sources.Add(payload[QdrantPoints.Source].GetString()!);
        }

        return [.. sources];
    }

    public async Task<IndexCounts> CountAsync(string? source, CancellationToken cancellationToken)
    {
        await EnsureCollectionExistsAsync(cancellationToken);
        List<FieldCondition> documents = [QdrantPoints.Is(QdrantPoints.Kind, QdrantPoints.DocumentKind)];
        if (source is not null)
        {
            documents.Add(QdrantPoints.Is(QdrantPoints.Source, source));
        }

        var documentCount = client.CountAsync(new CountRequest(new Filter(documents)), cancellationToken);
        var chunkCount = client.CountAsync(new CountRequest(QdrantPoints.LiveChunks(source is null ? null : [source])), cancellationToken);
        return new IndexCounts((int)await documentCount, (int)await chunkCount);
    }

    /// <summary>
    /// BM25 idf among the chunks found: Qdrant keeps its term statistics server-side (the sparse
    /// vector's idf modifier), and counting them would cost a request per term on every search.
    /// </summary>
    public IReadOnlyDictionary<string, double> TermWeights(IReadOnlyCollection<string> terms, IReadOnlyList<RetrievedChunk> found)
    {
        var chunkTerms = found.Select(c => TextAnalyzer.Terms(c.Text).ToHashSet(StringComparer.Ordinal)).ToList();
        return terms.Distinct(StringComparer.Ordinal).ToDictionary(
            t => t,
            t => Bm25Postings.InverseDocumentFrequency(chunkTerms.Count, chunkTerms.Count(c => c.Contains(t))),
            StringComparer.Ordinal);
    }

    public async Task ReplaceDocumentAsync(IndexedDocument document, IReadOnlyList<ChunkRecord> chunks, CancellationToken cancellationToken)
    {
        await EnsureCollectionExistsAsync(cancellationToken);
        var generation = QdrantPoints.GenerationOf(document, embedderId);
        foreach (var batch in chunks.Chunk(batchSize))
        {
            await client.UpsertAsync(new PointsList([.. batch.Select(c => QdrantPoints.Chunk(c, generation))]), cancellationToken);
        }

        var ofDocument = new[]
        {
            QdrantPoints.Is(QdrantPoints.Kind, QdrantPoints.ChunkKind),
            QdrantPoints.Is(QdrantPoints.Source, document.Source),
            QdrantPoints.Is(QdrantPoints.DocumentId, document.DocumentId),
        };
        var thisGeneration = QdrantPoints.Is(QdrantPoints.Generation, generation);
        await client.UpdateBatchAsync(new UpdateOperations(
        [
            new UpsertOperation(new PointsList([QdrantPoints.Document(document, generation, embedderId)])),
            new SetPayloadOperation(new SetPayload(new Dictionary<string, object?> { [QdrantPoints.Live] = true }, new Filter([.. ofDocument, thisGeneration]))),
            new DeleteOperation(new FilterSelector(new Filter(ofDocument, MustNot: [thisGeneration]))),
        ]), cancellationToken);
    }

    public async Task RemoveDocumentAsync(string source, string documentId, CancellationToken cancellationToken)
    {
        await EnsureCollectionExistsAsync(cancellationToken);
        await client.DeleteAsync(new FilterSelector(new Filter(
            [QdrantPoints.Is(QdrantPoints.Source, source), QdrantPoints.Is(QdrantPoints.DocumentId, documentId)])), cancellationToken);
    }

    public override object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _ensureGate.Dispose();
        }

        base.Dispose(disposing);
    }


    /// <summary>
    /// Search results in rank order. While a document is being swapped its old and new chunks can
    /// both be live for a moment; a key is shown once.
    /// </summary>
    private static IEnumerable<VectorSearchResult<ChunkRecord>> Results(QueryResponse response)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var point in response.Points)
        {
            var chunk = QdrantPoints.ToChunk(point.Payload!);
            if (seen.Add(chunk.Key))
            {
                yield return new VectorSearchResult<ChunkRecord>(chunk, point.Score);
            }
        }
    }

    private async IAsyncEnumerable<IReadOnlyDictionary<string, JsonElement>> ScrollAsync(Filter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        object? offset = null;
        do
        {
            var page = await client.ScrollAsync(new ScrollRequest(filter, ScrollPage, offset, WithPayload: true, WithVector: false), cancellationToken);
            foreach (var point in page.Points)
            {
                yield return point.Payload!;
            }

            offset = page.NextPageOffset is { ValueKind: not JsonValueKind.Null } next ? next : null;
        }
        while (offset is not null);
    }

    private float[] ToVector<TInput>(TInput value)
    {
        var vector = value switch
        {
            ReadOnlyMemory<float> memory => memory.ToArray(),
            float[] array => array,
            Embedding<float> embedding => embedding.Vector.ToArray(),
            _ => throw new NotSupportedException($"search by {typeof(TInput).Name} is not supported; pass an embedding vector"),
        };
        return vector.Length is 0 || vector.Length == dimensions
            ? vector
            : throw new ArgumentException($"query vector has {vector.Length} dimensions, the collection {dimensions}", nameof(value));
    }
}
