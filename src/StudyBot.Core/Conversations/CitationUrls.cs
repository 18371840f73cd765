namespace StudyBot.Core.Conversations;

/// <summary>Where a citation opens: its own URL (Notion, Confluence), or the host's file route for a Files source.</summary>
public static class CitationUrls
{
    /// <param name="baseUrl">The host's public root ("/" for links relative to the host); null or blank = no file route known.</param>
    /// <returns>The URL, or null for a file citation when no base URL is known.</returns>
    public static string? For(Citation citation, string? baseUrl)
    {
        if (Uri.TryCreate(citation.Link, UriKind.Absolute, out var own) && own.Scheme is "http" or "https")
        {
            return citation.Link;
        }

        if (string.IsNullOrWhiteSpace(baseUrl))
        {
            return null;
        }

        var path = string.Join('/', citation.Link.Split('/').Select(Uri.EscapeDataString));
        var page = citation.Page is { } number ? $"#page={number}" : "";
        return $"{baseUrl.TrimEnd('/')}/api/sources/{Uri.EscapeDataString(citation.Source)}/files/{path}{page}";
    }
}
