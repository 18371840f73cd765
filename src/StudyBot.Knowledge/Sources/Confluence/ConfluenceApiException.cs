using System.Net;

namespace StudyBot.Knowledge.Sources.Confluence;

/// <summary>A Confluence request that failed after retries, with the method, URI and status a person needs to act.</summary>
public sealed class ConfluenceApiException(string method, Uri uri, HttpStatusCode? status, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public string Method { get; } = method;

    public Uri Uri { get; } = uri;

    public HttpStatusCode? StatusCode { get; } = status;
}
