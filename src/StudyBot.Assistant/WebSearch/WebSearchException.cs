using System.Net;

namespace StudyBot.Assistant.WebSearch;

/// <summary>A search API refused or failed a request; carries what is needed to find out why (never the key).</summary>
public sealed class WebSearchException(string provider, HttpMethod method, Uri? uri, HttpStatusCode status, string detail)
    : Exception($"{provider} search failed: {method} {uri?.GetLeftPart(UriPartial.Path)} answered {(int)status} {status}. {detail}".TrimEnd())
{
    public HttpStatusCode StatusCode { get; } = status;
}
