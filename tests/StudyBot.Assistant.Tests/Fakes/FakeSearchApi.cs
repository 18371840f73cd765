using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace StudyBot.Assistant.Tests.Fakes;

/// <summary>A web search API on 127.0.0.1 (Brave, SearxNG) answering every request with one recorded body or status, recording the requests.</summary>
internal sealed class FakeSearchApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<HttpRequestRecord> _requests = new();

    private FakeSearchApi(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public IReadOnlyList<HttpRequestRecord> Requests => [.. _requests];

    /// <param name="status">Status of every answer; 200 sends <paramref name="body"/>.</param>
    public static async Task<FakeSearchApi> StartAsync(int status, string body)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeSearchApi(app);
        app.Run(async context =>
        {
            fake._requests.Enqueue(new HttpRequestRecord(
                context.Request.Path.Value ?? "",
                context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal),
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(status == 200 ? body : """{"error":"Internal Server Error"}""");
        });
        await app.StartAsync();
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single().TrimEnd('/');
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal sealed record HttpRequestRecord(string Path, IReadOnlyDictionary<string, string> Query, IReadOnlyDictionary<string, string> Headers);
