using StudyBot.Core.Conversations;

namespace StudyBot.Teams.Cards;

/// <summary>Where a citation opens from Teams: its own URL, or the host's file route under the public base URL.</summary>
internal static class CitationLinks
{
    public static string? Url(Citation citation, string? publicBaseUrl)
    {
        if (Uri.TryCreate(citation.Link, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return citation.Link;
        }

        if (string.IsNullOrWhiteSpace(publicBaseUrl))
        {
            return null;
        }

        var path = string.Join('/', citation.Link.Split('/').Select(Uri.EscapeDataString));
        var url = $"{publicBaseUrl.TrimEnd('/')}/api/sources/{Uri.EscapeDataString(citation.Source)}/files/{path}";
        return citation.Page is { } page ? $"{url}#page={page}" : url;
    }
}
