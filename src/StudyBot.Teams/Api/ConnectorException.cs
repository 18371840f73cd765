using System.Net;

namespace StudyBot.Teams.Api;

/// <summary>A Bot Connector call failed; carries the method, URI and status (never the token).</summary>
public sealed class ConnectorException(string method, Uri uri, HttpStatusCode? status, string message, Exception? inner = null)
    : Exception($"{method} {uri} failed: {message}", inner)
{
    public string Method { get; } = method;

    public Uri Uri { get; } = uri;

    public HttpStatusCode? Status { get; } = status;

    /// <summary>True when trying again cannot help: the bot was removed, the conversation is gone, the request is invalid.</summary>
    public bool IsPermanent => Status is HttpStatusCode.BadRequest or HttpStatusCode.Forbidden or HttpStatusCode.NotFound;
}
