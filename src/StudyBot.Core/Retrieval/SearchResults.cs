using System.Collections;

namespace StudyBot.Core.Retrieval;

/// <summary>
/// The chunks a search found, best first, with how rare each of the query's terms is (higher =
/// rarer), so an answerer can weight the words it quotes without asking the index again.
/// </summary>
public sealed class SearchResults(IReadOnlyList<RetrievedChunk> chunks, IReadOnlyDictionary<string, double> termWeights) : IReadOnlyList<RetrievedChunk>
{
    public static SearchResults Empty { get; } = new([], new Dictionary<string, double>());

    /// <summary>Weight per analysed query term; a term missing here was not in the query.</summary>
    public IReadOnlyDictionary<string, double> TermWeights => termWeights;

    public int Count => chunks.Count;

    public RetrievedChunk this[int index] => chunks[index];

    public IEnumerator<RetrievedChunk> GetEnumerator() => chunks.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
