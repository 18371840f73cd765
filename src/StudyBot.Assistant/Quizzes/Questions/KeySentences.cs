using System.Text.RegularExpressions;
using StudyBot.Knowledge.Text;

namespace StudyBot.Assistant.Quizzes.Questions;

/// <summary>A sentence a question can quote: as it stands in the chunk (the evidence) and as the stem shows it.</summary>
/// <param name="Evidence">The sentence as in the chunk without Markdown marks; with the sentence before when that one names its "It".</param>
/// <param name="Text">Also without inline citations or a connective to the sentence before, and with "It" named.</param>
internal sealed record KeySentence(string Evidence, string Text);

/// <summary>
/// The prose sentences of a chunk that a question can quote: lines of text (no tables, code, headings
/// quotes or links), long enough to say something, short enough to read in a card, and — after small
/// repairs — readable on their own (<see cref="StemRules"/>).
/// </summary>
internal static partial class KeySentences
{
    private const int MinWords = 7;
    private const int MaxWords = 45;

    public static IEnumerable<KeySentence> Of(string chunkText)
    {
        var inCode = false;
        foreach (var raw in chunkText.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inCode = !inCode;
                continue;
            }

            if (inCode || line.Length == 0 || line[0] is '#' or '|' or '>' || line.Contains("](", StringComparison.Ordinal))
            {
                continue;
            }

            // "It" is named only after a sentence of the same paragraph, so the evidence of both is one run of the chunk's text.
            string? previous = null;
            foreach (var sentence in SentenceSplitter.Split(Clean(line)))
            {
                var (text, named) = Repair(sentence, previous);
                var evidence = named ? $"{previous} {sentence}" : sentence;
                previous = sentence;
                var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
                if (words is >= MinWords and <= MaxWords && text.EndsWith('.') && char.IsUpper(text[0]) && StemRules.Problem(text) is null)
                {
                    yield return new KeySentence(evidence, text);
                }
            }
        }
    }

    /// <summary>Without list bullets and emphasis marks, which the validator also ignores when it finds the evidence in the chunk.</summary>
    private static string Clean(string line) => Bullet().Replace(line, "").Replace("*", "", StringComparison.Ordinal).Trim();

    /// <summary>
    /// Drops inline citations and a connective that points at the sentence before ("Vector stores
    /// therefore use …"), and names "It" after the term the sentence before defined.
    /// </summary>
    /// <returns>The repaired sentence, and whether "It" was named after the sentence before.</returns>
    private static (string Text, bool Named) Repair(string sentence, string? previous)
    {
        var text = MidConnective().Replace(Citation().Replace(sentence, ""), "");
        var unlinked = LeadingConnective().Replace(text, "");
        if (unlinked.Length < text.Length && unlinked.Length > 0)
        {
            text = char.ToUpperInvariant(unlinked[0]) + unlinked[1..];
        }

        if (previous is null || LeadingIt().Match(text) is not { Success: true } it || KeyTerms.ReadDefinition(previous) is not { } definition)
        {
            return (text, false);
        }

        var subject = it.Value.StartsWith("Its", StringComparison.Ordinal)
            ? definition.Subject + (definition.Subject.EndsWith('s') ? "'" : "'s")
            : definition.Subject;
        return (subject + text[(it.Length - 1)..], true);
    }

    [GeneratedRegex(@"^(?:[-*+]|\d+\.)\s+")]
    private static partial Regex Bullet();

    /// <summary>"(Hoffmann et al., 2022)", "(Brown et al., 2020; Chowdhery et al., 2022)", "(Hu et al. 2021)".</summary>
    [GeneratedRegex(@"\s*\([^()]*?\bet al\.?,? (?:19|20)\d\d[a-z]?[^()]*\)")]
    private static partial Regex Citation();

    [GeneratedRegex(@"^(?:However|Therefore|Thus|Hence|Consequently|Moreover|Furthermore|In addition|As a result|In practice|Additionally|Instead|Similarly|Likewise),\s+")]
    private static partial Regex LeadingConnective();

    [GeneratedRegex(@"(?<=\w) (?:therefore|thus|hence|also)\b(?=\s\w)")]
    private static partial Regex MidConnective();

    [GeneratedRegex(@"^Its? ")]
    private static partial Regex LeadingIt();
}
