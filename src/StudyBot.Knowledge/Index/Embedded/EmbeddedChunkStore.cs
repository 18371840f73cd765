using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.VectorData;
using StudyBot.Core.Retrieval;
using StudyBot.Knowledge.Retrieval;

namespace StudyBot.Knowledge.Index.Embedded;

/// <summary>
/// The default vector store: chunks persisted in SQLite under the data folder and searched in
/// memory (SIMD dense scan + BM25), so a restart reloads instead of re-ingesting. Chunks may
/// arrive without their vector (<see cref="IDeferredVectors"/>): BM25 finds them at once.
/// </summary>
public sealed class EmbeddedChunkStore : DocumentChunkStore, IKeywordHybridSearchable<ChunkRecord>, IDocumentIndex, IIndexReadiness, IDeferredVectors
{
    private readonly IndexDatabase _database;
    private readonly ChunkTable _table;
    private readonly string _embedderId;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly Lazy<Task> _schema;
    private bool _loaded;
    private TaskCompletionSource _chunksWithoutVectors = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public EmbeddedChunkStore(string databasePath, string embedderId, int dimensions)
    {
        _database = new IndexDatabase(databasePath);
        _table = new ChunkTable(dimensions);
        _embedderId = embedderId;
        _schema = new(() => _database.InitializeAsync(_embedderId, CancellationToken.None));
    }

    public override string Name => "chunks";

    public bool IsLoaded => Volatile.Read(ref _loaded);

    public Task<IndexReadiness> CheckAsync(CancellationToken cancellationToken) =>
        Task.FromResult(IsLoaded ? new IndexReadiness(true, "ready") : new IndexReadiness(false, "index loading"));

    public override Task<bool> CollectionExistsAsync(CancellationToken cancellationToken = default) => Task.FromResult(IsLoaded);

    /// <summary>Opens the database and loads every chunk into memory.</summary>
    public override async Task EnsureCollectionExistsAsync(CancellationToken cancellationToken = default)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            if (_loaded)
            {
                return;
            }

            await Database().WaitAsync(cancellationToken);
            await foreach (var chunk in _database.ReadAllChunksAsync(cancellationToken))
            {
                using var _ = _table.Write();
                _table.Upsert(chunk.Key, chunk.Source, chunk.SearchText, chunk.Embedding.Span);
            }

            Volatile.Write(ref _loaded, true);
            SignalChunksWithoutVectors();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public override Task EnsureCollectionDeletedAsync(CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("the embedded index is deleted by removing its data folder");

    public override async Task<ChunkRecord?> GetAsync(string key, RecordRetrievalOptions? options = null, CancellationToken cancellationToken = default)
    {
        await Database().WaitAsync(cancellationToken);
        return (await _database.GetChunksAsync([key], options?.IncludeVectors ?? false, cancellationToken)) is [var chunk, ..] ? chunk : null;
    }

    public override async IAsyncEnumerable<ChunkRecord> GetAsync(IEnumerable<string> keys, RecordRetrievalOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Database().WaitAsync(cancellationToken);
        foreach (var chunk in await _database.GetChunksAsync(keys.ToList(), options?.IncludeVectors ?? false, cancellationToken))
        {
            yield return chunk;
        }
    }

    public override async IAsyncEnumerable<VectorSearchResult<ChunkRecord>> SearchAsync<TInput>(
        TInput searchValue, int top, VectorSearchOptions<ChunkRecord>? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var sources = SourceFilterTranslator.Translate(options?.Filter);
        var hits = _table.SearchDense(ToVector(searchValue).Span, top + (options?.Skip ?? 0), sources).Skip(options?.Skip ?? 0).ToList();
        foreach (var result in await MaterializeAsync(hits.Select(h => (h.Key, (double)h.Score)).ToList(), options?.IncludeVectors ?? false, cancellationToken))
        {
            yield return result;
        }
    }

    /// <summary>Dense and BM25 rankings fused by reciprocal rank fusion.</summary>
    public async IAsyncEnumerable<VectorSearchResult<ChunkRecord>> HybridSearchAsync<TInput>(
        TInput searchValue, ICollection<string> keywords, int top, HybridSearchOptions<ChunkRecord>? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TInput : notnull
    {
        var sources = SourceFilterTranslator.Translate(options?.Filter);
        var depth = Math.Max(50, top * 5);
        var vector = ToVector(searchValue);
        // An empty query vector (the embedding model failed) searches by words only.
        var lexical = _table.SearchLexical(string.Join(' ', keywords), depth, sources).Select(h => h.Key).ToList();
        var dense = vector.IsEmpty ? [] : WithWaitingChunks(_table.SearchDense(vector.Span, depth, sources).Select(h => h.Key).ToList(), lexical);
        var fused = ReciprocalRankFusion.Fuse([lexical, dense], FusionWeights).Skip(options?.Skip ?? 0).Take(top).ToList();
        foreach (var result in await MaterializeAsync(fused, options?.IncludeVectors ?? false, cancellationToken))
        {
            yield return result;
        }
    }

    /// <summary>
    /// Puts the chunks still waiting for their vector into the dense ranking where words rank them, so
    /// while vectors are being computed the chunks embedded first do not outrank better matches by words.
    /// </summary>
    private List<string> WithWaitingChunks(List<string> dense, List<string> lexical)
    {
        var (chunks, withVector) = _table.Counts;
        if (withVector == chunks)
        {
            return dense;
        }

        var waiting = _table.WithoutVector(lexical);
        var ranked = lexical.Select((key, rank) => (key, rank)).Where(p => waiting.Contains(p.key)).ToList();
        var merged = new List<string>(dense.Count + ranked.Count);
        var (w, d) = (0, 0);
        while (w < ranked.Count || d < dense.Count)
        {
            merged.Add(w < ranked.Count && (d == dense.Count || ranked[w].rank <= merged.Count) ? ranked[w++].key : dense[d++]);
        }

        return merged;
    }

    /// <summary>The BM25 ranking alone, which the evaluation compares with the dense and fused ones.</summary>
    internal async Task<IReadOnlyList<VectorSearchResult<ChunkRecord>>> SearchLexicalAsync(string text, int top, CancellationToken cancellationToken)
    {
        var hits = _table.SearchLexical(text, top, sources: null);
        return await MaterializeAsync(hits.Select(h => (h.Key, (double)h.Score)).ToList(), withVectors: false, cancellationToken);
    }

    /// <summary>Weights of the lexical and dense rankings in the fusion (lexical first).</summary>
    public IReadOnlyList<double> FusionWeights { get; init; } = [1.0, 1.0];

    public override object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public async Task<IReadOnlyDictionary<string, IndexedDocument>> GetDocumentsAsync(string source, CancellationToken cancellationToken)
    {
        await Database().WaitAsync(cancellationToken);
        return await _database.GetDocumentsAsync(source, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> GetSourcesAsync(CancellationToken cancellationToken)
    {
        await Database().WaitAsync(cancellationToken);
        return await _database.GetSourcesAsync(cancellationToken);
    }

    public async Task<IndexCounts> CountAsync(string? source, CancellationToken cancellationToken)
    {
        await Database().WaitAsync(cancellationToken);
        return await _database.CountAsync(source, cancellationToken);
    }

    public IReadOnlyDictionary<string, double> TermWeights(IReadOnlyCollection<string> terms, IReadOnlyList<RetrievedChunk> found) =>
        terms.Distinct(StringComparer.Ordinal).ToDictionary(t => t, _table.InverseDocumentFrequency, StringComparer.Ordinal);

    public async Task ReplaceDocumentAsync(IndexedDocument document, IReadOnlyList<ChunkRecord> chunks, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            await Database().WaitAsync(cancellationToken);
            var previous = await _database.ReplaceDocumentAsync(document, chunks, cancellationToken);
            using var _ = _table.Write();
            foreach (var key in previous)
            {
                _table.Remove(key);
            }

            foreach (var chunk in chunks)
            {
                _table.Upsert(chunk.Key, chunk.Source, chunk.SearchText, chunk.Embedding.Span);
            }
        }
        finally
        {
            _writeGate.Release();
        }

        SignalChunksWithoutVectors();
    }

    public async Task WaitForChunksWithoutVectorsAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            // The signal is read before the counts, so a write between the two still wakes this wait.
            var signal = Volatile.Read(ref _chunksWithoutVectors);
            if (Vectors.Embedded < Vectors.Chunks)
            {
                return;
            }

            await signal.Task.WaitAsync(cancellationToken);
        }
    }

    private void SignalChunksWithoutVectors() =>
        Interlocked.Exchange(ref _chunksWithoutVectors, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    public VectorCounts Vectors
    {
        get
        {
            var (chunks, embedded) = _table.Counts;
            return new VectorCounts(chunks, embedded);
        }
    }

    public async Task<IReadOnlyList<ChunkRecord>> GetChunksWithoutVectorsAsync(int max, CancellationToken cancellationToken)
    {
        await Database().WaitAsync(cancellationToken);
        return await _database.GetChunksWithoutVectorsAsync(max, cancellationToken);
    }

    public async Task SetVectorsAsync(IReadOnlyList<(string Key, ReadOnlyMemory<float> Vector)> vectors, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            await Database().WaitAsync(cancellationToken);
            var set = (await _database.SetVectorsAsync(vectors, cancellationToken)).ToHashSet(StringComparer.Ordinal);
            using var _ = _table.Write();
            foreach (var (key, vector) in vectors.Where(v => set.Contains(v.Key)))
            {
                _table.SetVector(key, vector.Span);
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public async Task RemoveDocumentAsync(string source, string documentId, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            await Database().WaitAsync(cancellationToken);
            var keys = await _database.RemoveDocumentAsync(source, documentId, cancellationToken);
            using var _ = _table.Write();
            foreach (var key in keys)
            {
                _table.Remove(key);
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _writeGate.Dispose();
            _table.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Creates the schema once (and clears vectors of another embedder) before any read or write.</summary>
    private Task Database() => _schema.Value;

    private async Task<List<VectorSearchResult<ChunkRecord>>> MaterializeAsync(IReadOnlyList<(string Key, double Score)> hits, bool withVectors, CancellationToken cancellationToken)
    {
        await Database().WaitAsync(cancellationToken);
        var records = (await _database.GetChunksAsync(hits.Select(h => h.Key).ToList(), withVectors, cancellationToken))
            .ToDictionary(r => r.Key, StringComparer.Ordinal);
        // A chunk replaced between the scan and the read is skipped rather than shown stale.
        return hits.Where(h => records.ContainsKey(h.Key)).Select(h => new VectorSearchResult<ChunkRecord>(records[h.Key], h.Score)).ToList();
    }

    private static ReadOnlyMemory<float> ToVector<TInput>(TInput value) => value switch
    {
        ReadOnlyMemory<float> memory => memory,
        float[] array => array,
        Embedding<float> embedding => embedding.Vector,
        _ => throw new NotSupportedException($"search by {typeof(TInput).Name} is not supported; pass an embedding vector"),
    };
}
