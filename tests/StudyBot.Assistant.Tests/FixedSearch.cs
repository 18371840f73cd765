using StudyBot.Core.Retrieval;
using StudyBot.Knowledge.Text;

namespace StudyBot.Assistant.Tests;

/// <summary>Retrieval stand-in: ranks a fixed set of chunks by shared terms, with idf from the same set.</summary>
internal sealed class FixedSearch(params RetrievedChunk[] chunks) : IKnowledgeSearch
{
    public Task<SearchResults> SearchAsync(KnowledgeQuery query, CancellationToken cancellationToken)
    {
        var terms = TextAnalyzer.Terms(query.Text);
        var ranked = chunks
            .Select(c => (Chunk: c, Shared: TextAnalyzer.Terms(c.Text).Intersect(terms).Count()))
            .Where(x => x.Shared > 0)
            .OrderByDescending(x => x.Shared)
            .Select(x => x.Chunk)
            .Take(query.Top)
            .ToList();
        return Task.FromResult(new SearchResults(ranked, terms.Distinct(StringComparer.Ordinal).ToDictionary(t => t, InverseDocumentFrequency, StringComparer.Ordinal)));
    }

    private double InverseDocumentFrequency(string term)
    {
        var df = chunks.Count(c => TextAnalyzer.Terms(c.Text).Contains(term));
        return Math.Log(1 + (chunks.Length - df + 0.5) / (df + 0.5));
    }
}
