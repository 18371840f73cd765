using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.VectorData;
using StudyBot.Core.Retrieval;
using StudyBot.Knowledge.Text;

namespace StudyBot.Knowledge.Index.Qdrant;

/// <summary>
/// The production vector store: chunks in a Qdrant collection, searched with the Query API
/// (dense and sparse prefetches fused by RRF). A document is replaced without showing half of it:
/// its new chunks are written hidden, then one batch request shows them and drops the old ones;
/// a failed write leaves the old chunks serving and its hidden leftovers are dropped by the next.
/// </summary>
public sealed class QdrantChunkStore(QdrantClient client, QdrantClient probe, string embedderId, int dimensions, int batchSize, TimeProvider time)
    : DocumentChunkStore, IKeywordHybridSearchable<ChunkRecord>, IDocumentIndex, IIndexReadiness
{
    private const int ScrollPage = 256;
    private const int IdfCacheLimit = 50_000;

    /// <summary>How long a term's idf is reused before it is counted again (other instances write too).</summary>
    private static readonly TimeSpan IdfMaxAge = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _ensureGate = new(1, 1);
    private readonly ConcurrentDictionary<string, (double Idf, long CountedAt)> _idf = new(StringComparer.Ordinal);
    private long _liveChunks;
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
        var query = client.QueryAsync(request, cancellationToken);
        await Task.WhenAll(query, RefreshInverseDocumentFrequenciesAsync(terms, cancellationToken));
        foreach (var result in Results(await query))
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
    /// BM25 idf of a term among live chunks. Qdrant keeps its own statistics server-side, so the
    /// figures are counted for a hybrid search's terms and reused for <see cref="IdfMaxAge"/> or until
    /// this instance writes; terms not counted yet count as the rarest.
    /// </summary>
    public double InverseDocumentFrequency(string term)
    {
        var total = Interlocked.Read(ref _liveChunks);
        return _idf.TryGetValue(term, out var known) ? known.Idf : Idf(total, 0);
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
        _idf.Clear();
    }

    public async Task RemoveDocumentAsync(string source, string documentId, CancellationToken cancellationToken)
    {
        await EnsureCollectionExistsAsync(cancellationToken);
        await client.DeleteAsync(new FilterSelector(new Filter(
            [QdrantPoints.Is(QdrantPoints.Source, source), QdrantPoints.Is(QdrantPoints.DocumentId, documentId)])), cancellationToken);
        _idf.Clear();
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

    private async Task RefreshInverseDocumentFrequenciesAsync(List<string> terms, CancellationToken cancellationToken)
    {
        if (_idf.Count > IdfCacheLimit)
        {
            _idf.Clear();
        }

        var stale = terms.Where(t => !_idf.TryGetValue(t, out var known) || time.GetElapsedTime(known.CountedAt) > IdfMaxAge).ToList();
        if (stale.Count == 0)
        {
            return;
        }

        var countedAt = time.GetTimestamp();
        var total = client.CountAsync(new CountRequest(QdrantPoints.LiveChunks(null)), cancellationToken);
        var frequencies = stale.Select(t => client.CountAsync(new CountRequest(QdrantPoints.LiveChunks(null, QdrantPoints.Is(QdrantPoints.Terms, t))), cancellationToken)).ToList();
        var n = await total;
        Interlocked.Exchange(ref _liveChunks, n);
        for (var i = 0; i < stale.Count; i++)
        {
            _idf[stale[i]] = (Idf(n, await frequencies[i]), countedAt);
        }
    }

    private static double Idf(long total, long frequency) => Math.Log(1 + (total - frequency + 0.5) / (frequency + 0.5));

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
