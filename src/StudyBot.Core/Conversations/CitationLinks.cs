namespace StudyBot.Core.Conversations;

/// <summary>Where citations open: their own URL (Notion, Confluence), or the host's file route for a Files source.</summary>
/// <param name="baseUrl">The host's public root ("/" for links relative to the host); null or blank = no file route known.</param>
/// <param name="signer">Signs file links so they open without an API key; null leaves them unsigned.</param>
public sealed class CitationLinks(string? baseUrl, FileLinkSigner? signer)
{
    /// <summary>The host's route that serves a Files source's file: the host maps it, every surface links to it.</summary>
    public const string FileRoute = "/api/sources/{source}/files/{**path}";

    /// <returns>The URL, or null for a file citation when no base URL is known.</returns>
    public string? UrlOf(Citation citation)
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
        var signature = signer is null ? "" : "?" + FileLinkSigner.QueryName + "=" + signer.Sign(citation.Source, citation.Link);
        var page = citation.Page is { } number ? $"#page={number}" : "";
        var route = FileRoute.Replace("{source}", Uri.EscapeDataString(citation.Source), StringComparison.Ordinal).Replace("{**path}", path, StringComparison.Ordinal);
        return $"{baseUrl.TrimEnd('/')}{route}{signature}{page}";
    }
}
