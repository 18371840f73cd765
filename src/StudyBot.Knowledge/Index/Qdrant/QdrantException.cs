using System.Net;

namespace StudyBot.Knowledge.Index.Qdrant;

/// <summary>Qdrant refused a request (4xx): the method, path, status and Qdrant's own error text.</summary>
public sealed class QdrantException(HttpMethod method, string path, HttpStatusCode status, string error)
    : Exception($"Qdrant {method} {path} failed with {(int)status} {status}: {error}")
{
    public HttpStatusCode StatusCode { get; } = status;
}
