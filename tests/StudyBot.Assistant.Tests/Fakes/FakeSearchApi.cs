using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using StudyBot.Tests;

namespace StudyBot.Assistant.Tests.Fakes;

/// <summary>A web search API on 127.0.0.1 (Brave, SearxNG, Tavily) answering every request with one recorded body or status, recording the requests.</summary>
internal sealed class FakeSearchApi : IAsyncDisposable
{
    private readonly ConcurrentQueue<HttpRequestRecord> _requests = new();
    private LoopbackServer? _server;

    public string BaseUrl => _server!.BaseUrl;

    public IReadOnlyList<HttpRequestRecord> Requests => [.. _requests];

    /// <param name="status">Status of every answer; 200 sends <paramref name="body"/>.</param>
    public static async Task<FakeSearchApi> StartAsync(int status, string body)
    {
        var fake = new FakeSearchApi();
        fake._server = await LoopbackServer.StartAsync(async context =>
        {
            fake._requests.Enqueue(new HttpRequestRecord(
                context.Request.Method,
                context.Request.Path.Value ?? "",
                context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal),
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                await new StreamReader(context.Request.Body).ReadToEndAsync()));
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(status == 200 ? body : """{"error":"Internal Server Error"}""");
        });
        return fake;
    }

    public ValueTask DisposeAsync() => _server!.DisposeAsync();
}

internal sealed record HttpRequestRecord(string Method, string Path, IReadOnlyDictionary<string, string> Query, IReadOnlyDictionary<string, string> Headers, string Body);
