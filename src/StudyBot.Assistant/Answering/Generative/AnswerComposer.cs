using System.Text.RegularExpressions;
using StudyBot.Core.Conversations;
using StudyBot.Knowledge.Text;

namespace StudyBot.Assistant.Answering.Generative;

/// <summary>
/// Turns a verified model answer into the reply model: citation ids (knowledge passages and web
/// results, source "web") become one numbered list in order of first use, so every adapter renders
/// them the same way and an answer's beginning keeps its numbers while the rest is still written.
/// </summary>
internal static partial class AnswerComposer
{
    private const int SnippetLength = 240;

    public static (string Text, IReadOnlyList<Citation> Citations) Compose(string text, SourceLedger ledger)
    {
        var ordered = Marker().Matches(text).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();
        var numbers = ordered.Select((id, i) => (id, number: i + 1)).ToDictionary(p => p.id, p => p.number, StringComparer.Ordinal);
        var citations = ordered.Select(id => CitationFor(id, numbers[id], ledger)).ToList();
        var renumbered = Marker().Replace(text, m => $"[{numbers[m.Groups[1].Value]}]");
        return (renumbered, citations);
    }

    private static Citation CitationFor(string id, int number, SourceLedger ledger)
    {
        if (id.StartsWith('W'))
        {
            var web = ledger.Web[int.Parse(id.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture) - 1];
            return new Citation(number, web.Title, "web", web.Url, null, "", Snippet(web.Snippet));
        }

        var chunk = ledger.Chunks[int.Parse(id, System.Globalization.CultureInfo.InvariantCulture) - 1];
        return new Citation(number, chunk.Title, chunk.Source, chunk.Link, chunk.Page, string.Join(" › ", chunk.HeadingPath), Snippet(PassageUnits.Prose(chunk.Text)));
    }

    private static string Snippet(string text)
    {
        var flat = string.Join(' ', text.Split((char[])['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= SnippetLength ? flat : flat[..SnippetLength].TrimEnd() + "…";
    }

    [GeneratedRegex(@"\[(W?\d+)\]")]
    private static partial Regex Marker();
}
