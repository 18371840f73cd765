using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Adapters.Api;
using StudyBot.Tests;

namespace StudyBot.Adapters.Tests;

/// <summary>The adapters' retry rule against a platform on loopback that fails first, then answers.</summary>
public sealed class AdapterResilienceTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> _calls = new();
    private readonly ConcurrentQueue<int> _failures = new();
    private LoopbackServer _platform = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _platform = await LoopbackServer.StartAsync(context =>
        {
            _calls.Enqueue(context.Request.Method);
            context.Response.StatusCode = _failures.TryDequeue(out var status) ? status : StatusCodes.Status200OK;
            if (context.Response.StatusCode == StatusCodes.Status429TooManyRequests)
            {
                context.Response.Headers.RetryAfter = "0";
            }

            return Task.CompletedTask;
        });
        var services = new ServiceCollection();
        services.AddHttpClient("platform").AddAdapterResilience();
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _platform.DisposeAsync();
    }

    private async Task<HttpStatusCode> SendAsync(HttpMethod method, bool? idempotent = null)
    {
        using var request = new HttpRequestMessage(method, _platform.BaseUrl + "/call");
        if (idempotent is { } marked)
        {
            request.MarkIdempotent(marked);
        }

        using var response = await _services.GetRequiredService<IHttpClientFactory>().CreateClient("platform").SendAsync(request);
        return response.StatusCode;
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Post_ServerError_IsNotSentAgain(int status)
    {
        _failures.Enqueue(status);

        Assert.Equal((HttpStatusCode)status, await SendAsync(HttpMethod.Post));
        Assert.Single(_calls);
    }

    [Fact]
    public async Task Post_RateLimited_IsSentAgainAfterRetryAfterSinceThePlatformDidNotActOnIt()
    {
        _failures.Enqueue(429);

        Assert.Equal(HttpStatusCode.OK, await SendAsync(HttpMethod.Post));
        Assert.Equal(2, _calls.Count);
    }

    [Fact]
    public async Task Post_MarkedIdempotent_IsRetriedAfterAServerError()
    {
        _failures.Enqueue(503);

        Assert.Equal(HttpStatusCode.OK, await SendAsync(HttpMethod.Post, idempotent: true));
        Assert.Equal(2, _calls.Count);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task IdempotentMethod_ServerErrors_AreRetried(string method)
    {
        _failures.Enqueue(500);
        _failures.Enqueue(503);

        Assert.Equal(HttpStatusCode.OK, await SendAsync(new HttpMethod(method)));
        Assert.Equal(3, _calls.Count);
    }

    [Fact]
    public async Task Put_MarkedNotIdempotent_IsNotRetried()
    {
        _failures.Enqueue(503);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, await SendAsync(HttpMethod.Put, idempotent: false));
        Assert.Single(_calls);
    }
}
