using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace StudyBot.Assistant.WebSearch;

/// <summary>Tavily's search API: POST /search with a bearer key.</summary>
internal sealed class TavilySearch(IHttpClientFactory http, IOptions<WebSearchOptions> options) : IWebSearch
{
    public const string DefaultEndpoint = "https://api.tavily.com/search";

    public async Task<IReadOnlyList<WebResult>> SearchAsync(string query, int count, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Value.Endpoint ?? DefaultEndpoint)
        {
            Content = JsonContent.Create(new TavilyRequest(query, count, "basic")),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.ApiKey);
        var body = await SearchHttp.SendAsync<TavilyResponse>(http.CreateClient(nameof(TavilySearch)), request, "Tavily", cancellationToken);
        return (body.Results ?? []).Take(count).Select(r => new WebResult(r.Title, r.Url, r.Content ?? "")).ToList();
    }

    private sealed record TavilyRequest(
        [property: JsonPropertyName("query")] string Query,
        [property: JsonPropertyName("max_results")] int MaxResults,
        [property: JsonPropertyName("search_depth")] string SearchDepth);

    private sealed record TavilyResponse(IReadOnlyList<TavilyResult>? Results);

    private sealed record TavilyResult(string Title, string Url, string? Content);
}
