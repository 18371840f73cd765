using StudyBot.Core.Conversations;

namespace StudyBot.Slack.Rendering;

/// <summary>Where a citation opens: its own URL (Notion, Confluence), or the host's file route under a public base URL.</summary>
internal static class CitationLinks
{
    public static string? UrlOf(Citation citation, string? publicBaseUrl)
    {
        if (Uri.TryCreate(citation.Link, UriKind.Absolute, out var own) && own.Scheme is "http" or "https")
        {
            return citation.Link;
        }

        if (string.IsNullOrWhiteSpace(publicBaseUrl))
        {
            return null;
        }

        var path = string.Join('/', citation.Link.Split('/').Select(Uri.EscapeDataString));
        var page = citation.Page is { } number ? $"#page={number}" : "";
        return $"{publicBaseUrl.TrimEnd('/')}/api/sources/{Uri.EscapeDataString(citation.Source)}/files/{path}{page}";
    }
}
