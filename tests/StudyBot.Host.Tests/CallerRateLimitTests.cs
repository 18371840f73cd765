using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using StudyBot.Tests;

namespace StudyBot.Host.Tests;

/// <summary>
/// Rate limits of web and API callers at the default settings, through the real host on Kestrel: callers
/// come from different loopback addresses (127.0.0.x) and a fake clock stands in for the minutes.
/// </summary>
public sealed class CallerRateLimitTests : IAsyncLifetime
{
    private readonly TestCorpus _corpus = new();
    private readonly TempFolder _data = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private StudyBotHost _host = null!;
    private string _baseUrl = "";

    public async Task InitializeAsync()
    {
        _host = new StudyBotHost(_data.Path, _corpus.Path, services: services => services.AddSingleton<TimeProvider>(_time));
        _host.UseKestrel(0);
        _host.StartServer();
        _baseUrl = _host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = ClientFrom("127.0.0.1");
        await StudyBotHost.WaitForIngestionAsync(client);
    }

    [Fact]
    public async Task Ask_ScriptAskingOnceASecondForThreeMinutes_NeverGets429()
    {
        using var script = ClientFrom("127.0.0.2");

        var statuses = new List<HttpStatusCode>();
        for (var second = 0; second < 180; second++)
        {
            statuses.Add((await script.PostAsJsonAsync("/api/ask", new { question = "What is QLoRA?" })).StatusCode);
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
    }

    [Fact]
    public async Task Ask_FloodFromOneAddress_Gets429WithRetryAfterWhileAnotherAddressIsAnswered()
    {
        using var flood = ClientFrom("127.0.0.3");
        using var neighbour = ClientFrom("127.0.0.4");
        for (var i = 0; i < 60; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await flood.PostAsJsonAsync("/api/ask", new { question = "What is QLoRA?" })).StatusCode);
        }

        var refused = await flood.PostAsJsonAsync("/api/ask", new { question = "What is QLoRA?" });
        var other = await neighbour.PostAsJsonAsync("/api/ask", new { question = "What is QLoRA?" });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("1", refused.Headers.GetValues("Retry-After").Single());
        Assert.Contains("faster than I can keep up", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Chat_PlaygroundBrowsersBehindOneAddress_EachHaveTheirOwnBucket()
    {
        using var ann = ClientFrom("127.0.0.5", user: "browser-ann");
        using var bob = ClientFrom("127.0.0.5", user: "browser-bob");
        for (var i = 0; i < 60; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await ann.PostAsJsonAsync("/api/chat", new { text = "What is QLoRA?" })).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await ann.PostAsJsonAsync("/api/chat", new { text = "What is QLoRA?" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bob.PostAsJsonAsync("/api/chat", new { text = "What is QLoRA?" })).StatusCode);
    }

    [Fact]
    public async Task Ask_NewCallerIdForEveryQuestion_IsStillCappedByTheAddress()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 301; i++)
        {
            using var client = ClientFrom("127.0.0.6", user: $"rotated-{i}");
            statuses.Add((await client.PostAsJsonAsync("/api/ask", new { question = "What is QLoRA?" })).StatusCode);
        }

        Assert.All(statuses[..300], s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[300]);
    }

    /// <summary>A client whose connections come from <paramref name="address"/>, optionally naming itself with X-StudyBot-User.</summary>
    private HttpClient ClientFrom(string address, string? user = null)
    {
        var client = new HttpClient(new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(IPAddress.Parse(address), 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        })
        { BaseAddress = new Uri(_baseUrl) };
        if (user is not null)
        {
            client.DefaultRequestHeaders.Add("X-StudyBot-User", user);
        }

        return client;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _data.Dispose();
        _corpus.Dispose();
    }
}
