using System.Buffers;
using StudyBot.Knowledge.Text;

namespace StudyBot.Knowledge.Index.Lexical;

/// <summary>
/// An in-memory BM25 inverted index over slot numbers. Removal is by tombstone (the caller's
/// alive flags); <see cref="Compact"/> drops dead postings when the table is rebuilt.
/// </summary>
internal sealed class Bm25Postings
{
    private const float K1 = 1.2f;
    private const float B = 0.75f;

    private readonly Dictionary<string, PostingList> _terms = new(StringComparer.Ordinal);
    private float[] _lengths = new float[1024];
    private double _totalLength;
    private int _liveCount;

    public void Add(int slot, string text)
    {
        var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
        var length = 0;
        TextAnalyzer.ForEachTerm(text, frequencies, (term, counts) =>
        {
            counts[term] = counts.GetValueOrDefault(term) + 1;
        });
        foreach (var (term, count) in frequencies)
        {
            length += count;
            if (!_terms.TryGetValue(term, out var list))
            {
                _terms[term] = list = new PostingList();
            }

            list.Add(slot, (ushort)Math.Min(count, ushort.MaxValue));
        }

        if (slot >= _lengths.Length)
        {
            Array.Resize(ref _lengths, Math.Max(slot + 1, _lengths.Length * 2));
        }

        _lengths[slot] = length;
        _totalLength += length;
        _liveCount++;
    }

    public void Remove(int slot)
    {
        _totalLength -= _lengths[slot];
        _liveCount--;
    }

    public double InverseDocumentFrequency(string term) =>
        InverseDocumentFrequency(_liveCount, _terms.TryGetValue(term, out var list) ? Math.Min(list.Count, _liveCount) : 0);

    /// <summary>BM25's idf of a term found in <paramref name="frequency"/> of <paramref name="total"/> chunks.</summary>
    public static double InverseDocumentFrequency(int total, int frequency) =>
        Math.Log(1 + (total - frequency + 0.5) / (frequency + 0.5));

    /// <summary>Scores every live slot that contains a query term and keeps the best <paramref name="top"/>.</summary>
    public List<(int Slot, float Score)> Search(IReadOnlyList<string> queryTerms, int top, int slotCount, bool[] alive, Func<int, bool>? filter)
    {
        if (_liveCount == 0 || queryTerms.Count == 0)
        {
            return [];
        }

        var scores = ArrayPool<float>.Shared.Rent(slotCount);
        Array.Clear(scores, 0, slotCount);
        var touched = new List<int>();
        try
        {
            // norm(slot) = K1 · (1 − B + B · length / average length), split so the loop does one multiply-add.
            var baseNorm = K1 * (1 - B);
            var lengthNorm = K1 * B * _liveCount / (float)_totalLength;
            // Rarest terms first. A term in more than a third of the chunks (a near stop word) only adds
            // to chunks a rarer term already found: same scores for those, far fewer candidates to rank.
            var lists = queryTerms.Distinct(StringComparer.Ordinal)
                .Select(term => (Term: term, List: _terms.GetValueOrDefault(term)))
                .Where(t => t.List is not null)
                .OrderBy(t => t.List!.Count)
                .ToList();
            var commonThreshold = _liveCount / 3;
            var anySelective = lists.Count > 0 && lists[0].List!.Count <= commonThreshold;
            foreach (var (term, list) in lists)
            {
                var onlyBoost = anySelective && list!.Count > commonThreshold;
                var weight = (float)InverseDocumentFrequency(term) * (K1 + 1);
                var slots = list!.Slots;
                var frequencies = list.Frequencies;
                for (var i = 0; i < list.Count; i++)
                {
                    var slot = slots[i];
                    if ((onlyBoost && scores[slot] == 0) || !alive[slot] || (filter is not null && !filter(slot)))
                    {
                        continue;
                    }

                    float tf = frequencies[i];
                    if (scores[slot] == 0)
                    {
                        touched.Add(slot);
                    }

                    scores[slot] += weight * tf / (tf + baseNorm + lengthNorm * _lengths[slot]);
                }
            }

            var heap = new PriorityQueue<int, float>(top + 1);
            foreach (var slot in touched)
            {
                TopK.Offer(heap, slot, scores[slot], top);
            }

            return TopK.Drain(heap);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scores);
        }
    }

    /// <summary>Drops postings of dead slots and renumbers the rest with <paramref name="newSlot"/> (-1 = dead).</summary>
    public void Compact(int[] newSlot, int newCount)
    {
        var lengths = new float[Math.Max(1024, newCount)];
        for (var old = 0; old < newSlot.Length; old++)
        {
            if (newSlot[old] >= 0)
            {
                lengths[newSlot[old]] = _lengths[old];
            }
        }

        _lengths = lengths;
        foreach (var (term, list) in _terms.ToList())
        {
            list.Remap(newSlot);
            if (list.Count == 0)
            {
                _terms.Remove(term);
            }
        }
    }

    private sealed class PostingList
    {
        public int[] Slots = new int[2];
        public ushort[] Frequencies = new ushort[2];
        public int Count;

        public void Add(int slot, ushort frequency)
        {
            if (Count == Slots.Length)
            {
                Array.Resize(ref Slots, Count * 2);
                Array.Resize(ref Frequencies, Count * 2);
            }

            Slots[Count] = slot;
            Frequencies[Count] = frequency;
            Count++;
        }

        public void Remap(int[] newSlot)
        {
            var kept = 0;
            for (var i = 0; i < Count; i++)
            {
                var mapped = newSlot[Slots[i]];
                if (mapped >= 0)
                {
                    Slots[kept] = mapped;
                    Frequencies[kept] = Frequencies[i];
                    kept++;
                }
            }

            Count = kept;
        }
    }
}
