using Microsoft.Extensions.Options;

namespace StudyBot.Assistant.WebSearch;

/// <summary>A SearxNG instance's JSON API: GET /search?q=…&amp;format=json (the instance must enable the json format).</summary>
internal sealed class SearxngSearch(IHttpClientFactory http, IOptions<WebSearchOptions> options) : IWebSearch
{
    public async Task<IReadOnlyList<WebResult>> SearchAsync(string query, int count, CancellationToken cancellationToken)
    {
        var root = options.Value.Endpoint!.TrimEnd('/');
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{root}/search?q={Uri.EscapeDataString(query)}&format=json");
        request.Headers.Add("Accept", "application/json");
        var body = await SearchHttp.SendAsync<SearxngResponse>(http.CreateClient(nameof(SearxngSearch)), request, "SearxNG", cancellationToken);
        return (body.Results ?? [])
            .Where(r => !string.IsNullOrWhiteSpace(r.Url))
            .Take(count)
            .Select(r => new WebResult(SearchHttp.PlainText(r.Title), r.Url, SearchHttp.PlainText(r.Content)))
            .ToList();
    }

    private sealed record SearxngResponse(IReadOnlyList<SearxngResult>? Results);

    private sealed record SearxngResult(string Title, string Url, string? Content);
}
