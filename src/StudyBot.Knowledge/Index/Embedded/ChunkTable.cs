using System.Numerics.Tensors;
using StudyBot.Knowledge.Text;
using StudyBot.Knowledge.Index.Lexical;

namespace StudyBot.Knowledge.Index.Embedded;

/// <summary>
/// The embedded store's in-memory search structures: unit vectors in contiguous arrays scanned
/// with SIMD dot products (int8 first pass, rescoring from half-precision copies), and BM25 postings, both addressed by slot. Slots are append-only;
/// removed ones are tombstoned and reclaimed by compaction. Callers hold the lock for a whole
/// document replacement, so readers never see half of one.
/// </summary>
internal sealed class ChunkTable(int dimensions) : IDisposable
{
    private const int ParallelThreshold = 16_384;

    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.SupportsRecursion);
    private readonly Dictionary<string, int> _slotByKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _sourceIds = new(StringComparer.Ordinal);
    private readonly Bm25Postings _lexical = new();
    // Half precision: the rescoring pass needs a few candidates' vectors, not float32's memory for all of them.
    private Half[] _vectors = new Half[1024 * dimensions];
    private sbyte[] _codes = new sbyte[1024 * dimensions];
    private float[] _scales = new float[1024];
    private string[] _keys = new string[1024];
    private int[] _sources = new int[1024];
    private bool[] _alive = new bool[1024];
    private bool[] _hasVector = new bool[1024];
    private int _count;
    private int _dead;
    private int _withVector;

    /// <summary>Live chunks, and how many of them have a vector (the rest are found by words only).</summary>
    public (int Chunks, int WithVector) Counts
    {
        get
        {
            using var _ = Read();
            return (_slotByKey.Count, _withVector);
        }
    }

    public IDisposable Write()
    {
        _lock.EnterWriteLock();
        return new Releaser(_lock.ExitWriteLock);
    }

    public IDisposable Read()
    {
        _lock.EnterReadLock();
        return new Releaser(_lock.ExitReadLock);
    }

    /// <summary>Adds or replaces a chunk; an empty vector = searchable by words until <see cref="SetVector"/>. Call inside <see cref="Write"/>.</summary>
    public void Upsert(string key, string source, string searchText, ReadOnlySpan<float> vector)
    {
        Remove(key);
        EnsureCapacity(_count + 1);
        var slot = _count++;
        _hasVector[slot] = false;
        if (!vector.IsEmpty)
        {
            StoreVector(slot, vector);
        }

        _keys[slot] = key;
        _sources[slot] = SourceId(source);
        _alive[slot] = true;
        _slotByKey[key] = slot;
        _lexical.Add(slot, searchText);
    }

    /// <summary>Sets the vector of a chunk that has none yet; false when the chunk is gone. Call inside <see cref="Write"/>.</summary>
    public bool SetVector(string key, ReadOnlySpan<float> vector)
    {
        if (!_slotByKey.TryGetValue(key, out var slot))
        {
            return false;
        }

        if (!_hasVector[slot])
        {
            StoreVector(slot, vector);
        }

        return true;
    }

    /// <summary>The given chunks that are still waiting for their vector.</summary>
    public HashSet<string> WithoutVector(IEnumerable<string> keys)
    {
        using var _ = Read();
        return keys.Where(k => _slotByKey.TryGetValue(k, out var slot) && !_hasVector[slot]).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Removes a chunk if present. Call inside <see cref="Write"/>.</summary>
    public void Remove(string key)
    {
        if (!_slotByKey.Remove(key, out var slot))
        {
            return;
        }

        if (_hasVector[slot])
        {
            _withVector--;
        }

        _alive[slot] = false;
        _lexical.Remove(slot);
        _dead++;
        if (_dead > 1024 && _dead * 3 > _count)
        {
            Compact();
        }
    }

    public double InverseDocumentFrequency(string term)
    {
        using var _ = Read();
        return _lexical.InverseDocumentFrequency(term);
    }

    public IReadOnlyList<(string Key, float Score)> SearchDense(ReadOnlySpan<float> query, int top, IReadOnlyCollection<string>? sources)
    {
        if (query.Length != dimensions)
        {
            throw new ArgumentException($"query vector has {query.Length} dimensions, the index {dimensions}", nameof(query));
        }

        var unit = Normalize(query);

        using var _ = Read();
        var accept = SourceFilter(sources);
        if (accept is null)
        {
            return [];
        }

        // First pass on int8 codes, then exact float scores for a few times more candidates than asked.
        var queryCodes = new sbyte[dimensions];
        var queryScale = Int8Vectors.Quantize(unit, queryCodes);
        var candidates = Math.Max(top * 4, 64);
        var partitions = _count < ParallelThreshold ? 1 : Environment.ProcessorCount;
        var results = new List<(int Slot, float Score)>[partitions];
        var size = (_count + partitions - 1) / partitions;
        Parallel.For(0, partitions, p =>
        {
            var heap = new PriorityQueue<int, float>(candidates + 1);
            var end = Math.Min(_count, (p + 1) * size);
            var filter = sources is null || sources.Count == 0 ? null : accept;
            for (var slot = p * size; slot < end; slot++)
            {
                if (_alive[slot] && _hasVector[slot] && (filter is null || filter(slot)))
                {
                    var dot = Int8Vectors.Dot(queryCodes, new ReadOnlySpan<sbyte>(_codes, slot * dimensions, dimensions));
                    TopK.Offer(heap, slot, Int8Vectors.Score(dot, queryScale, _scales[slot]), candidates);
                }
            }

            results[p] = TopK.Drain(heap);
        });

        var exact = results.SelectMany(r => r)
            .Select(r => (r.Slot, ExactScore(unit, r.Slot)));
        return TopK.Select(exact, top).Select(r => (_keys[r.Slot], r.Score)).ToList();
    }

    public IReadOnlyList<(string Key, float Score)> SearchLexical(string query, int top, IReadOnlyCollection<string>? sources)
    {
        var terms = TextAnalyzer.Terms(query);
        using var _ = Read();
        var accept = SourceFilter(sources);
        if (accept is null)
        {
            return [];
        }

        var filter = sources is null || sources.Count == 0 ? null : accept;
        return _lexical.Search(terms, top, _count, _alive, filter)
            .Select(r => (_keys[r.Slot], r.Score)).ToList();
    }

    private void StoreVector(int slot, ReadOnlySpan<float> vector)
    {
        if (vector.Length != dimensions)
        {
            throw new ArgumentException($"vector has {vector.Length} dimensions, the index {dimensions}", nameof(vector));
        }

        var unit = Normalize(vector);
        TensorPrimitives.ConvertToHalf(unit, _vectors.AsSpan(slot * dimensions, dimensions));
        _scales[slot] = Int8Vectors.Quantize(unit, _codes.AsSpan(slot * dimensions, dimensions));
        _hasVector[slot] = true;
        _withVector++;
    }

    private static float[] Normalize(ReadOnlySpan<float> vector)
    {
        var unit = vector.ToArray();
        var norm = TensorPrimitives.Norm(unit);
        if (norm > 0)
        {
            TensorPrimitives.Divide(unit, norm, unit);
        }

        return unit;
    }

    private float ExactScore(float[] unitQuery, int slot)
    {
        Span<float> stored = dimensions <= 2048 ? stackalloc float[dimensions] : new float[dimensions];
        TensorPrimitives.ConvertToSingle(new ReadOnlySpan<Half>(_vectors, slot * dimensions, dimensions), stored);
        return TensorPrimitives.Dot(unitQuery, stored);
    }

    /// <summary>A slot predicate for the wanted sources; null when none of them is indexed.</summary>
    private Func<int, bool>? SourceFilter(IReadOnlyCollection<string>? sources)
    {
        if (sources is null || sources.Count == 0)
        {
            return static _ => true;
        }

        var ids = sources.Where(_sourceIds.ContainsKey).Select(s => _sourceIds[s]).ToHashSet();
        return ids.Count == 0 ? null : slot => ids.Contains(_sources[slot]);
    }

    private int SourceId(string source)
    {
        if (!_sourceIds.TryGetValue(source, out var id))
        {
            _sourceIds[source] = id = _sourceIds.Count;
        }

        return id;
    }

    private void EnsureCapacity(int slots)
    {
        if (slots <= _keys.Length)
        {
            return;
        }

        var capacity = Math.Max(slots, _keys.Length * 2);
        Array.Resize(ref _vectors, capacity * dimensions);
        Array.Resize(ref _codes, capacity * dimensions);
        Array.Resize(ref _scales, capacity);
        Array.Resize(ref _keys, capacity);
        Array.Resize(ref _sources, capacity);
        Array.Resize(ref _alive, capacity);
        Array.Resize(ref _hasVector, capacity);
    }

    private void Compact()
    {
        var newSlot = new int[_count];
        var next = 0;
        for (var slot = 0; slot < _count; slot++)
        {
            if (!_alive[slot])
            {
                newSlot[slot] = -1;
                continue;
            }

            newSlot[slot] = next;
            if (next != slot)
            {
                Array.Copy(_vectors, slot * dimensions, _vectors, next * dimensions, dimensions);
                Array.Copy(_codes, slot * dimensions, _codes, next * dimensions, dimensions);
                _scales[next] = _scales[slot];
                _keys[next] = _keys[slot];
                _sources[next] = _sources[slot];
                _alive[next] = true;
                _hasVector[next] = _hasVector[slot];
                _slotByKey[_keys[next]] = next;
            }

            next++;
        }

        Array.Clear(_alive, next, _count - next);
        Array.Clear(_hasVector, next, _count - next);
        Array.Clear(_keys, next, _count - next);
        _lexical.Compact(newSlot, next);
        _count = next;
        _dead = 0;
    }

    public void Dispose() => _lock.Dispose();

    private sealed class Releaser(Action release) : IDisposable
    {
        public void Dispose() => release();
    }
}
