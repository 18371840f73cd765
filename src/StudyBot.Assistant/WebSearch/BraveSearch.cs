using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace StudyBot.Assistant.WebSearch;

/// <summary>Brave Search API, GET /res/v1/web/search with the X-Subscription-Token header.</summary>
internal sealed class BraveSearch(IHttpClientFactory http, IOptions<WebSearchOptions> options) : IWebSearch
{
    public const string DefaultEndpoint = "https://api.search.brave.com/res/v1/web/search";

    public async Task<IReadOnlyList<WebResult>> SearchAsync(string query, int count, CancellationToken cancellationToken)
    {
        var endpoint = options.Value.Endpoint ?? DefaultEndpoint;
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{endpoint}?q={Uri.EscapeDataString(query)}&count={count}");
        request.Headers.Add("Accept", "application/json");
        request.Headers.Add("X-Subscription-Token", options.Value.ApiKey);
        var body = await SearchHttp.SendAsync<BraveResponse>(http.CreateClient(nameof(BraveSearch)), request, "Brave", cancellationToken);
        return (body.Web?.Results ?? [])
            .Take(count)
            .Select(r => new WebResult(SearchHttp.PlainText(r.Title), r.Url, SearchHttp.PlainText(string.Join(" ", [r.Description, .. r.ExtraSnippets ?? []]))))
            .ToList();
    }

    private sealed record BraveResponse(BraveWeb? Web);

    private sealed record BraveWeb(IReadOnlyList<BraveResult>? Results);

    private sealed record BraveResult(string Title, string Url, string? Description, [property: JsonPropertyName("extra_snippets")] IReadOnlyList<string>? ExtraSnippets);
}
