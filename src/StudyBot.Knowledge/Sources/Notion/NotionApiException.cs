using System.Net;

namespace StudyBot.Knowledge.Sources.Notion;

/// <summary>A Notion API call that failed for good (after the resilience policy's retries), with the request that failed.</summary>
public sealed class NotionApiException(HttpMethod method, Uri? uri, HttpStatusCode? status, string message, Exception? inner = null)
    : Exception($"Notion {method} {uri?.AbsolutePath}: {message}", inner)
{
    public HttpMethod Method { get; } = method;

    public Uri? Uri { get; } = uri;

    /// <summary>Null when no response came back (timeout, connection refused) or the body was not JSON.</summary>
    public HttpStatusCode? Status { get; } = status;
}
