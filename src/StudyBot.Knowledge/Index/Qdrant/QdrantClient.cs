using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using StudyBot.Core.Retrieval;
using StudyBot.Knowledge.Configuration;

namespace StudyBot.Knowledge.Index.Qdrant;

/// <summary>
/// The Qdrant REST calls StudyBot makes, on one collection. Writes wait for completion
/// (<c>wait=true</c>) and use explicit point ids, so the resilience handler may retry them.
/// A Qdrant that cannot be reached, refuses the API key or fails (5xx after retries) raises
/// <see cref="KnowledgeUnavailableException"/>; other refusals raise <see cref="QdrantException"/>.
/// </summary>
public sealed class QdrantClient(HttpClient http, IOptions<VectorStoreOptions> options)
{
    public const string ApiKeyHeader = "api-key";

    private readonly string _collection = Uri.EscapeDataString(options.Value.Qdrant.Collection);

    public string Collection => options.Value.Qdrant.Collection;

    internal async Task<bool> CollectionExistsAsync(CancellationToken cancellationToken) =>
        (await SendAsync<CollectionExistence>(HttpMethod.Get, $"collections/{_collection}/exists", null, cancellationToken)).Exists;

    internal Task<CollectionInfo> GetCollectionAsync(CancellationToken cancellationToken) =>
        SendAsync<CollectionInfo>(HttpMethod.Get, $"collections/{_collection}", null, cancellationToken);

    internal Task CreateCollectionAsync(CreateCollection request, CancellationToken cancellationToken) =>
        SendAsync<JsonElement>(HttpMethod.Put, $"collections/{_collection}", request, cancellationToken);

    internal Task CreateFieldIndexAsync(CreateFieldIndex request, CancellationToken cancellationToken) =>
        SendAsync<UpdateResult>(HttpMethod.Put, $"collections/{_collection}/index?wait=true", request, cancellationToken);

    internal Task UpsertAsync(PointsList request, CancellationToken cancellationToken) =>
        SendAsync<UpdateResult>(HttpMethod.Put, $"collections/{_collection}/points?wait=true", request, cancellationToken);

    internal Task UpdateBatchAsync(UpdateOperations request, CancellationToken cancellationToken) =>
        SendAsync<JsonElement>(HttpMethod.Post, $"collections/{_collection}/points/batch?wait=true", request, cancellationToken);

    internal Task DeleteAsync(FilterSelector request, CancellationToken cancellationToken) =>
        SendAsync<UpdateResult>(HttpMethod.Post, $"collections/{_collection}/points/delete?wait=true", request, cancellationToken);

    internal async Task<long> CountAsync(CountRequest request, CancellationToken cancellationToken) =>
        (await SendAsync<CountResult>(HttpMethod.Post, $"collections/{_collection}/points/count", request, cancellationToken)).Count;

    internal Task<ScrollResult> ScrollAsync(ScrollRequest request, CancellationToken cancellationToken) =>
        SendAsync<ScrollResult>(HttpMethod.Post, $"collections/{_collection}/points/scroll", request, cancellationToken);

    internal Task<QueryResponse> QueryAsync(QueryRequest request, CancellationToken cancellationToken) =>
        SendAsync<QueryResponse>(HttpMethod.Post, $"collections/{_collection}/points/query", request, cancellationToken);

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: QdrantJson.Options);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or TimeoutException or Polly.Timeout.TimeoutRejectedException
                                   && !cancellationToken.IsCancellationRequested)
        {
            throw new KnowledgeUnavailableException($"Qdrant at {http.BaseAddress} is unreachable ({method} {Path(path)}): {ex.Message}", ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var error = await ErrorTextAsync(response, cancellationToken);
                var refused = new QdrantException(method, Path(path), response.StatusCode, error);
                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError)
                {
                    throw new KnowledgeUnavailableException($"Qdrant at {http.BaseAddress} is not available: {refused.Message}", refused);
                }

                throw refused;
            }

            var envelope = await response.Content.ReadFromJsonAsync<QdrantResponse<T>>(QdrantJson.Options, cancellationToken);
            return envelope is { Result: { } result }
                ? result
                : throw new QdrantException(method, Path(path), response.StatusCode, "the response has no result");
        }
    }

    private static string Path(string path) => path.Split('?')[0];

    private static async Task<string> ErrorTextAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var json = JsonDocument.Parse(text);
            if (json.RootElement.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Object
                && status.TryGetProperty("error", out var error))
            {
                return error.GetString() ?? text;
            }
        }
        catch (JsonException)
        {
        }

        return text.Length > 300 ? text[..300] : text;
    }
}
