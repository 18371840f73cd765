using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace StudyBot.Host.Tests;

/// <summary>
/// A Slack or Teams incoming webhook on 127.0.0.1: records each posted JSON body and answers with
/// the scripted responses in order (then 200 "ok", as Slack does; Teams Workflows would answer 202).
/// </summary>
internal sealed class FakeWebhook : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(int Status, string? RetryAfter)> _script = new();

    private FakeWebhook(WebApplication app) => _app = app;

    public ConcurrentQueue<JsonElement> Posts { get; } = new();

    public string Url { get; private set; } = "";

    public static async Task<FakeWebhook> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var webhook = new FakeWebhook(app);
        app.MapPost("/services/T000/B000/hook", async (HttpRequest request) =>
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
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        webhook.Url = address.TrimEnd('/') + "/services/T000/B000/hook";
        return webhook;
    }

    public void RespondNext(int status, string? retryAfter = null) => _script.Enqueue((status, retryAfter));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
