using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StudyBot.Knowledge.Sources.Notion;

/// <summary>
/// The read-only Notion API calls StudyBot needs (version 2025-09-03), over a named HttpClient that
/// carries the base URL, the token and the resilience policy. Every list call follows
/// has_more/next_cursor to the end.
/// </summary>
internal sealed class NotionClient(HttpClient http)
{
    public const string ApiVersion = "2025-09-03";
    private const int PageSize = 100;

    /// <summary>Every page shared with the integration (POST /v1/search, filtered to pages).</summary>
    public IAsyncEnumerable<JsonElement> SearchPagesAsync(CancellationToken cancellationToken) =>
        PostPagesAsync("v1/search", new JsonObject { ["filter"] = new JsonObject { ["property"] = "object", ["value"] = "page" } }, cancellationToken);

    /// <summary>Every row (page) of a data source (POST /v1/data_sources/{id}/query).</summary>
    public IAsyncEnumerable<JsonElement> QueryDataSourceAsync(string dataSourceId, CancellationToken cancellationToken) =>
        PostPagesAsync($"v1/data_sources/{Uri.EscapeDataString(dataSourceId)}/query", [], cancellationToken);

    public Task<JsonElement> GetPageAsync(string pageId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"v1/pages/{Uri.EscapeDataString(pageId)}", null, cancellationToken);

    public Task<JsonElement> GetBlockAsync(string blockId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"v1/blocks/{Uri.EscapeDataString(blockId)}", null, cancellationToken);

    public Task<JsonElement> GetDataSourceAsync(string dataSourceId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"v1/data_sources/{Uri.EscapeDataString(dataSourceId)}", null, cancellationToken);

    public Task<JsonElement> GetDatabaseAsync(string databaseId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"v1/databases/{Uri.EscapeDataString(databaseId)}", null, cancellationToken);

    /// <summary>The direct children of a page or block (GET /v1/blocks/{id}/children).</summary>
    public async IAsyncEnumerable<JsonElement> ListChildrenAsync(string blockId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? cursor = null;
        do
        {
            var query = $"page_size={PageSize}" + (cursor is null ? "" : "&start_cursor=" + Uri.EscapeDataString(cursor));
            (var results, cursor) = await SendListAsync(HttpMethod.Get, $"v1/blocks/{Uri.EscapeDataString(blockId)}/children?{query}", null, cancellationToken);
            foreach (var block in results)
            {
                yield return block;
            }
        }
        while (cursor is not null);
    }

    private async IAsyncEnumerable<JsonElement> PostPagesAsync(string path, JsonObject body, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? cursor = null;
        do
        {
            body["page_size"] = PageSize;
            body.Remove("start_cursor");
            if (cursor is not null)
            {
                body["start_cursor"] = cursor;
            }

            (var results, cursor) = await SendListAsync(HttpMethod.Post, path, body.ToJsonString(), cancellationToken);
            foreach (var page in results)
            {
                yield return page;
            }
        }
        while (cursor is not null);
    }

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, string? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        var uri = Resolve(path);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return response.IsSuccessStatusCode
                ? Parse(text, method, uri, response.StatusCode)
                : throw new NotionApiException(method, uri, response.StatusCode, $"{(int)response.StatusCode} {ErrorOf(text)}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException
                                   || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new NotionApiException(method, uri, null, $"no answer ({ex.Message})", ex);
        }
    }

    /// <summary>Notion's error object as "code: message"; a proxy's HTML error page is not echoed.</summary>
    private static string ErrorOf(string body)
    {
        try
        {
            using var error = JsonDocument.Parse(body);
            var root = error.RootElement;
            return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("code", out var code) && root.TryGetProperty("message", out var message)
                ? $"{code.GetString()}: {message.GetString()}"
                : "(no Notion error object)";
        }
        catch (JsonException)
        {
            return "(no Notion error object)";
        }
    }

    private Uri? Resolve(string path) => http.BaseAddress is { } root ? new Uri(root, path) : null;

    private static JsonElement Parse(string text, HttpMethod method, Uri? uri, HttpStatusCode status)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.Clone()
                : throw new NotionApiException(method, uri, null, $"{(int)status}: the response is JSON but not an object");
        }
        catch (JsonException ex)
        {
            throw new NotionApiException(method, uri, null, $"{(int)status}: the response is not valid JSON ({ex.Message})", ex);
        }
    }

    private async Task<(List<JsonElement> Results, string? Cursor)> SendListAsync(HttpMethod method, string path, string? body, CancellationToken cancellationToken)
    {
        var list = await SendAsync(method, path, body, cancellationToken);
        if (!list.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
        {
            throw new NotionApiException(method, Resolve(path), null, "a list response without a results array");
        }

        var cursor = list.TryGetProperty("has_more", out var more) && more.ValueKind == JsonValueKind.True
                     && list.TryGetProperty("next_cursor", out var next) && next.ValueKind == JsonValueKind.String
            ? next.GetString()
            : null;
        return (results.EnumerateArray().ToList(), cursor);
    }
}
