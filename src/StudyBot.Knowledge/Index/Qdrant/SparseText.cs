using System.Text;
using StudyBot.Knowledge.Text;

namespace StudyBot.Knowledge.Index.Qdrant;

/// <summary>
/// Text as a sparse vector for Qdrant's lexical search: one dimension per analysed term (the same
/// stemmed terms as the embedded BM25), its id a stable 32-bit hash of the term, its value the
/// term's count. The collection's idf modifier weights terms by rarity at query time.
/// </summary>
internal static class SparseText
{
    /// <summary>A document's vector: term counts.</summary>
    public static SparseVector Encode(string text)
    {
        var counts = new SortedDictionary<uint, float>();
        TextAnalyzer.ForEachTerm(text, counts, static (term, c) =>
        {
            var id = TermId(term);
            c[id] = c.GetValueOrDefault(id) + 1;
        });
        return new SparseVector([.. counts.Keys], [.. counts.Values]);
    }

    /// <summary>A query's vector: each distinct term once.</summary>
    public static SparseVector EncodeQuery(IEnumerable<string> terms)
    {
        var ids = new SortedSet<uint>(terms.Select(TermId));
        return new SparseVector([.. ids], [.. ids.Select(_ => 1f)]);
    }

    /// <summary>FNV-1a over the term's UTF-8 bytes: stable across processes and machines.</summary>
    public static uint TermId(string term)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(term))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return hash;
    }
}
