using System.Text.Json.Nodes;
using StudyBot.Core.Conversations;
using StudyBot.Teams.Wire;

namespace StudyBot.Teams.Rendering;

/// <summary>
/// The schema.org Message entity of an AI-generated answer: Teams' "AI generated" label and its citation
/// pop-ups, one Claim per [n] of the text, within Teams' documented limits.
/// </summary>
internal static class AiMessageEntity
{
    public const string Type = "https://schema.org/Message";

    /// <summary>Claims Teams accepts on one message (the newer pages allow 20; the older ones and the Agents Playground 10).</summary>
    public const int MaxCitations = 10;

    public const int MaxName = 80;
    public const int MaxAbstract = 160;
    public const int MaxKeywords = 3;
    public const int MaxKeyword = 28;

    public static Entity Create(IReadOnlyList<Citation> citations, CitationLinks links)
    {
        var message = new JsonObject
        {
            ["@type"] = "Message",
            ["@context"] = "https://schema.org",
            ["@id"] = "",
            ["additionalType"] = new JsonArray("AIGeneratedContent"),
        };
        if (citations.Count > 0)
        {
            message["citation"] = new JsonArray([.. citations.Take(MaxCitations).Select(c => (JsonNode)Claim(c, links))]);
        }

        return Entity.Of(Type, message);
    }

    private static JsonObject Claim(Citation citation, CitationLinks links)
    {
        var appearance = new JsonObject
        {
            ["@type"] = "DigitalDocument",
            ["name"] = Shorten(citation.Title, MaxName),
            ["abstract"] = Shorten(string.IsNullOrWhiteSpace(citation.Snippet) ? citation.HeadingPath : citation.Snippet, MaxAbstract),
            ["keywords"] = new JsonArray([.. Keywords(citation).Select(k => (JsonNode)Shorten(k, MaxKeyword)!)]),
        };
        if (links.UrlOf(citation) is { } url)
        {
            appearance["url"] = url;
        }

        if (citation.Page is not null || citation.Link.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            appearance["image"] = new JsonObject { ["@type"] = "ImageObject", ["name"] = "PDF" };
        }

        return new JsonObject { ["@type"] = "Claim", ["position"] = citation.Number, ["appearance"] = appearance };
    }

    /// <summary>The source, the page of a PDF, and the section the passage sits in.</summary>
    private static IEnumerable<string> Keywords(Citation citation)
    {
        var keywords = new List<string> { citation.Source };
        if (citation.Page is { } page)
        {
            keywords.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"page {page}"));
        }

        var section = citation.HeadingPath.Split(['›', '>'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        if (section is not null && section != citation.Title)
        {
            keywords.Add(section);
        }

        return keywords.Take(MaxKeywords);
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";
}
