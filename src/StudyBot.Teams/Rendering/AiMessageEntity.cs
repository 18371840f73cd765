using System.Globalization;
using System.Text.Json.Nodes;
using StudyBot.Core.Conversations;
using StudyBot.Teams.Wire;

namespace StudyBot.Teams.Rendering;

/// <summary>
/// The schema.org Message entity of an answer (msteams-docs "Bot messages with AI-generated content"): Teams'
/// "AI generated" label, and one Claim per [n] of the text, which Teams shows as citation pop-ups; cut to the
/// page's limits (name 80, abstract 160, three keywords of 28 characters).
/// </summary>
internal static class AiMessageEntity
{
    public const string Type = "https://schema.org/Message";

    /// <summary>Claims on one message: the page allows 20, its older version and the Agents Playground 10.</summary>
    public const int MaxCitations = 10;

    private const int MaxName = 80;
    private const int MaxAbstract = 160;
    private const int MaxKeywords = 3;
    private const int MaxKeyword = 28;

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
            ["name"] = TextCut.Shorten(citation.Title, MaxName),
            ["abstract"] = TextCut.Shorten(string.IsNullOrWhiteSpace(citation.Snippet) ? citation.HeadingPath : citation.Snippet, MaxAbstract),
            ["keywords"] = new JsonArray([.. Keywords(citation).Select(k => (JsonNode)TextCut.Shorten(k, MaxKeyword))]),
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

    /// <summary>The source, a PDF's page, and the section the passage sits in.</summary>
    private static IEnumerable<string> Keywords(Citation citation)
    {
        yield return citation.Source;
        if (citation.Page is { } page)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"page {page}");
        }

        if (citation.Section?.Split(Citation.HeadingSeparator)[^1] is { } section)
        {
            yield return section;
        }
    }
}
