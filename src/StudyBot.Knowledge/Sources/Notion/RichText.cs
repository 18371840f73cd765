using System.Text;
using System.Text.Json;

namespace StudyBot.Knowledge.Sources.Notion;

/// <summary>Notion rich text arrays as plain text or as Markdown (bold, italic, strikethrough, code, links, inline equations).</summary>
internal static class RichText
{
    public static string Plain(JsonElement richText)
    {
        if (richText.ValueKind != JsonValueKind.Array)
        {
            return "";
        }

        var text = new StringBuilder();
        foreach (var span in richText.EnumerateArray())
        {
            text.Append(span.TryGetProperty("plain_text", out var plain) ? plain.GetString() : "");
        }

        return text.ToString();
    }

    public static string Markdown(JsonElement richText)
    {
        if (richText.ValueKind != JsonValueKind.Array)
        {
            return "";
        }

        var markdown = new StringBuilder();
        foreach (var span in richText.EnumerateArray())
        {
            markdown.Append(Span(span));
        }

        return markdown.ToString();
    }

    private static string Span(JsonElement span)
    {
        var plain = span.TryGetProperty("plain_text", out var p) ? p.GetString() ?? "" : "";
        if (span.TryGetProperty("type", out var type) && type.GetString() == "equation")
        {
            return "$" + plain.Trim() + "$";
        }

        if (plain.Trim().Length == 0)
        {
            return plain;
        }

        // Markers must touch the text ("**bold** ", not "**bold **"), so surrounding spaces stay outside.
        var core = plain.Trim();
        var annotations = span.TryGetProperty("annotations", out var a) ? a : default;
        if (Flag(annotations, "code"))
        {
            core = "`" + core + "`";
        }

        if (Flag(annotations, "bold"))
        {
            core = "**" + core + "**";
        }

        if (Flag(annotations, "italic"))
        {
            core = "*" + core + "*";
        }

        if (Flag(annotations, "strikethrough"))
        {
            core = "~~" + core + "~~";
        }

        if (span.TryGetProperty("href", out var href) && href.ValueKind == JsonValueKind.String && href.GetString() is { Length: > 0 } link)
        {
            core = $"[{core}]({Absolute(link)})";
        }

        return plain[..(plain.Length - plain.TrimStart().Length)] + core + plain[plain.TrimEnd().Length..];
    }

    /// <summary>Links to other Notion pages come as "/&lt;id&gt;"; citations and chat clients need them absolute.</summary>
    private static string Absolute(string link) => link.StartsWith('/') ? "https://www.notion.so" + link : link;

    private static bool Flag(JsonElement annotations, string name) =>
        annotations.ValueKind == JsonValueKind.Object && NotionPage.IsTrue(annotations, name);
}
