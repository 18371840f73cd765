using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using StudyBot.Tests;

namespace StudyBot.Tests;

/// <summary>
/// A Slack or Teams incoming webhook on 127.0.0.1: records each posted JSON body and answers with
/// the scripted responses in order (then 200 "ok", as Slack does; Teams Workflows would answer 202).
/// </summary>
internal sealed class FakeWebhook : IAsyncDisposable
{
    private const string HookPath = "/services/T000/B000/hook";
    private readonly ConcurrentQueue<(int Status, string? RetryAfter)> _script = new();
    private LoopbackServer? _server;

    public ConcurrentQueue<JsonElement> Posts { get; } = new();

    public string Url => _server!.BaseUrl + HookPath;

    public static async Task<FakeWebhook> StartAsync()
    {
        var webhook = new FakeWebhook();
        webhook._server = await LoopbackServer.StartAsync(app => app.MapPost(HookPath, async (HttpRequest request) =>
        {
            webhook.Posts.Enqueue(await JsonSerializer.DeserializeAsync<JsonElement>(request.Body));
            if (!webhook._script.TryDequeue(out var next))
            {
                return Results.Text("ok");
            }

            if (next.RetryAfter is not null)
            {
                request.HttpContext.Response.Headers.RetryAfter = next.RetryAfter;
            }

            return Results.Text(next.Status == 429 ? "rate_limited" : "error", statusCode: next.Status);
        }));
        return webhook;
    }

    public void RespondNext(int status, string? retryAfter = null) => _script.Enqueue((status, retryAfter));

    public ValueTask DisposeAsync() => _server!.DisposeAsync();
}
