using System.Text.RegularExpressions;

namespace StudyBot.Knowledge.Text;

/// <summary>Splits prose into sentences without breaking on "e.g.", decimals or initials.</summary>
public static partial class SentenceSplitter
{
    public static IEnumerable<string> Split(string text)
    {
        foreach (var block in text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var start = 0;
            foreach (Match boundary in Boundary().Matches(block))
            {
                var end = boundary.Index + 1;
                var candidate = block[start..end].Trim();
                if (IsAbbreviationEnd(candidate))
                {
                    continue;
                }

                if (candidate.Length > 0)
                {
                    yield return candidate;
                }

                start = boundary.Index + boundary.Length;
            }

            var rest = block[start..].Trim();
            if (rest.Length > 0)
            {
                yield return rest;
            }
        }
    }

    private static bool IsAbbreviationEnd(string candidate)
    {
        var lastSpace = candidate.LastIndexOf(' ');
        var lastWord = candidate[(lastSpace + 1)..].ToLowerInvariant();
        return lastWord is "e.g." or "i.e." or "etc." or "vs." or "al." or "fig." or "eq." or "cf." or "approx." or "no."
            || (lastWord.Length == 2 && char.IsLetter(lastWord[0]));
    }

    [GeneratedRegex(@"[.!?](?=\s+[""'(\[]?[A-Z0-9])\s+")]
    private static partial Regex Boundary();
}
