using System.Text.RegularExpressions;
using StudyBot.Core.Retrieval;

namespace StudyBot.Eval.Retrieval;

/// <summary>
/// Answer-support recall: the share of the reference answer's content words that appear in the
/// top chunks. Words are matched exactly (lower-cased, unstemmed) with a fixed stop list of its own,
/// so the measure does not move when StudyBot's analyzer is tuned.
/// </summary>
internal static partial class AnswerSupport
{
    public const int TopChunks = 5;

    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "been", "both", "but", "by", "can", "do", "does", "each", "for",
        "from", "has", "have", "how", "in", "into", "is", "it", "its", "more", "most", "not", "of", "on", "or",
        "other", "such", "than", "that", "the", "their", "them", "these", "they", "this", "those", "through", "to",
        "using", "via", "was", "were", "what", "when", "which", "while", "who", "with", "without",
    };

    /// <summary>The recall, or null when the reference answer has no content words.</summary>
    public static double? Recall(string referenceAnswer, IEnumerable<RetrievedChunk> ranked)
    {
        var wanted = ContentWords(referenceAnswer);
        if (wanted.Count == 0)
        {
            return null;
        }

        var found = ranked.Take(TopChunks).SelectMany(c => ContentWords(c.Text)).ToHashSet(StringComparer.Ordinal);
        return wanted.Count(found.Contains) / (double)wanted.Count;
    }

    public static HashSet<string> ContentWords(string text) => Word().Matches(text)
        .Select(m => m.Value.ToLowerInvariant())
        .Where(w => (w.Length > 1 || char.IsDigit(w[0])) && !FunctionWords.Contains(w))
        .ToHashSet(StringComparer.Ordinal);

    // Letters and digits; a decimal point between digits stays inside the word ("1.4T", "82.1").
    [GeneratedRegex(@"[\p{L}\p{N}]+(?:\.\p{N}[\p{L}\p{N}]*)*")]
    private static partial Regex Word();
}
