using System.Text.RegularExpressions;
using StudyBot.Knowledge.Text;

namespace StudyBot.Assistant.Quizzes.Questions;

/// <summary>
/// Acronyms and what they stand for: pairs the text declares ("approximate nearest neighbour (ANN)",
/// "LoRA (Low-Rank Adaptation)"), checked with Schwartz and Hearst's letter match, and words whose
/// initials spell an acronym out.
/// </summary>
internal static partial class Abbreviations
{
    private const int MaxLongFormWords = 8;

    /// <summary>The (acronym, long form) pairs a sentence declares with parentheses, in either order.</summary>
    public static IEnumerable<(string Short, string Long)> Declared(string sentence)
    {
        foreach (Match m in Parenthesis().Matches(sentence))
        {
            var inside = m.Groups["inside"].Value.Trim();
            var before = sentence[..m.Index].TrimEnd();
            if (IsAcronym(inside))
            {
                // "approximate nearest neighbour (ANN)": the shortest run of words before it that the acronym's letters match.
                var words = before.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                for (var n = 1; n <= Math.Min(MaxLongFormWords, words.Length); n++)
                {
                    var candidate = string.Join(' ', words[^n..]).Trim('(', ',', ':', ';', '"', '“');
                    if (LettersMatch(inside, candidate) && char.ToLowerInvariant(candidate[0]) == char.ToLowerInvariant(inside[0]))
                    {
                        yield return (inside, candidate);
                        break;
                    }
                }
            }
            else if (LastWord().Match(before) is { Success: true } word && IsAcronym(word.Value) && LettersMatch(word.Value, inside))
            {
                // "HNSW (Hierarchical Navigable Small World)".
                yield return (word.Value, inside);
            }
        }
    }

    /// <summary>True when a run of the text's content words has initials that spell the acronym: "approximate nearest neighbour" for ANN.</summary>
    public static bool SpelledOut(string acronym, string text)
    {
        var letters = new string(acronym.Where(char.IsUpper).ToArray()).ToLowerInvariant();
        if (letters.Length < 2)
        {
            return false;
        }

        var words = WordParts().Matches(text).Select(m => m.Value).ToList();
        for (var start = 0; start + letters.Length <= words.Count; start++)
        {
            var run = words.Skip(start).Take(letters.Length).ToList();
            if (run.All(w => !StopWords.Contains(w.ToLowerInvariant())) && string.Concat(run.Select(w => char.ToLowerInvariant(w[0]))) == letters)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A short form of capitals (and digits) with at most a few lower-case letters: ANN, LoRA, IVF-PQ, NF4.</summary>
    public static bool IsAcronym(string text) =>
        text.Length is >= 2 and <= 12 && char.IsUpper(text[0]) && text.Count(char.IsUpper) >= 2 && text.Count(char.IsLower) <= text.Count(char.IsUpper) && !text.Contains(' ');

    /// <summary>Schwartz and Hearst: each letter of the short form, right to left, found in the long form, the first at a word start.</summary>
    private static bool LettersMatch(string shortForm, string longForm)
    {
        var l = longForm.Length - 1;
        for (var s = shortForm.Length - 1; s >= 0; s--)
        {
            var c = char.ToLowerInvariant(shortForm[s]);
            if (!char.IsLetterOrDigit(c))
            {
                continue;
            }

            while (l >= 0 && (char.ToLowerInvariant(longForm[l]) != c || (s == 0 && l > 0 && char.IsLetterOrDigit(longForm[l - 1]))))
            {
                l--;
            }

            if (l < 0)
            {
                return false;
            }

            l--;
        }

        return true;
    }

    [GeneratedRegex(@"\((?<inside>[^()]{2,80})\)")]
    private static partial Regex Parenthesis();

    [GeneratedRegex(@"[\p{L}\p{N}\-]+$")]
    private static partial Regex LastWord();

    /// <summary>Words, with hyphenated and CamelCase words in parts: "Low-Rank" → Low, Rank; "NormalFloat" → Normal, Float.</summary>
    [GeneratedRegex(@"\p{Lu}?\p{Ll}+|\p{Lu}+(?!\p{Ll})")]
    private static partial Regex WordParts();
}
