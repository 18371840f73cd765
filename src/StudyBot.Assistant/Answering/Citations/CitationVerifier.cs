using System.Text;
using System.Text.RegularExpressions;
using StudyBot.Knowledge.Text;

namespace StudyBot.Assistant.Answering.Citations;

/// <summary>
/// Checks a model's answer against what its tools actually returned before the answer is sent.
/// A citation id that was never returned is removed; a sentence whose citations were all unknown,
/// or whose cited texts do not contain most of its content words, is dropped. Sentences without
/// citations (a greeting, "the knowledge base does not cover this") stay.
/// </summary>
public static partial class CitationVerifier
{
    /// <summary>Share of a sentence's content words that its cited texts must contain.</summary>
    public const double MinSupport = 0.5;

    /// <param name="sourceText">The text behind a citation id ("3", "W1"), or null when no tool returned that id.</param>
    public static VerifiedText Verify(string answer, Func<string, string?> sourceText)
    {
        var normalised = Normalise(answer);
        var kept = new StringBuilder();
        var dropped = new List<string>();
        foreach (var line in normalised.Split('\n'))
        {
            var keptLine = new StringBuilder();
            foreach (var sentence in SentenceSplitter.Split(line))
            {
                var ids = Marker().Matches(sentence).Select(m => m.Groups[1].Value).ToList();
                if (ids.Count == 0)
                {
                    Append(keptLine, sentence);
                    continue;
                }

                var known = ids.Where(id => sourceText(id) is not null).Distinct(StringComparer.Ordinal).ToList();
                var claim = Marker().Replace(sentence, "");
                if (known.Count == 0 || Support(claim, string.Join(' ', known.Select(id => sourceText(id)))) < MinSupport)
                {
                    dropped.Add(claim.Trim());
                    continue;
                }

                Append(keptLine, Marker().Replace(sentence, m => known.Contains(m.Groups[1].Value) ? m.Value : ""));
            }

            if (keptLine.Length > 0 || line.Trim().Length == 0)
            {
                kept.Append(keptLine).Append('\n');
            }
        }

        return new VerifiedText(Blank().Replace(kept.ToString(), "\n\n").Trim(), dropped);
    }

    /// <summary>Share of the claim's content words (stemmed, stop words out) found in the cited text.</summary>
    public static double Support(string claim, string cited)
    {
        var words = TextAnalyzer.Terms(claim).Distinct(StringComparer.Ordinal).ToList();
        if (words.Count == 0)
        {
            return 1;
        }

        var source = TextAnalyzer.Terms(cited).ToHashSet(StringComparer.Ordinal);
        return (double)words.Count(source.Contains) / words.Count;
    }

    private static void Append(StringBuilder line, string sentence) =>
        line.Append(line.Length > 0 ? " " : "").Append(sentence.Trim());

    // "[1, 2]" → "[1][2]"; "…end. [1]" → "…end [1]." so a citation stays with its sentence.
    private static string Normalise(string answer)
    {
        var split = Group().Replace(answer, m => string.Concat(m.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(id => $"[{id}]")));
        return Trailing().Replace(split, m => " " + m.Groups[2].Value.Trim() + m.Groups[1].Value);
    }

    [GeneratedRegex(@"\[(W?\d+)\]")]
    private static partial Regex Marker();

    [GeneratedRegex(@"\[((?:W?\d+\s*,\s*)+W?\d+)\]")]
    private static partial Regex Group();

    [GeneratedRegex(@"([.!?])((?:\s*\[W?\d+\])+)")]
    private static partial Regex Trailing();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex Blank();
}

/// <param name="Text">The answer with unsupported sentences and unknown citation ids removed.</param>
/// <param name="Dropped">The sentences removed, without their citations.</param>
public sealed record VerifiedText(string Text, IReadOnlyList<string> Dropped);
