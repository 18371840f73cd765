using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using StudyBot.Teams.Api;
using StudyBot.Teams.Tests.Infrastructure;

namespace StudyBot.Teams.Tests;

public sealed class AppTokenProviderTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private FakeConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    private static AppTokenProvider Provider(IHost services) => services.Services.GetRequiredService<AppTokenProvider>();

    /// <summary>The adapter's services for the recorded bot, with one setting changed when given.</summary>
    private IHost Services(string? key = null, string? value = null)
    {
        var settings = TeamsServices.Settings(null, _connector);
        if (key is not null)
        {
            settings[key] = value;
        }

        return TeamsServices.Build(_time, settings);
    }

    [Fact]
    public async Task GetToken_WithinItsLifetime_RequestedOnce()
    {
        using var services = Services();

        var first = await Provider(services).GetTokenAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(50));
        var second = await Provider(services).GetTokenAsync(CancellationToken.None);

        Assert.Equal("connector-token-1", first);
        Assert.Equal(first, second);
        Assert.Equal(1, _connector.TokenRequests);
    }

    [Fact]
    public async Task GetToken_ShortlyBeforeExpiry_Renewed()
    {
        using var services = Services();
        await Provider(services).GetTokenAsync(CancellationToken.None);

        // The fake issues tokens for 3,599 s; renewal starts five minutes before that.
        _time.Advance(TimeSpan.FromSeconds(3599) - AppTokenProvider.RenewBefore);
        var renewed = await Provider(services).GetTokenAsync(CancellationToken.None);

        Assert.Equal("connector-token-2", renewed);
    }

    [Fact]
    public async Task GetToken_ManyConcurrentCallers_ShareOneRequest()
    {
        using var services = Services();

        var tokens = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Provider(services).GetTokenAsync(CancellationToken.None)));

        Assert.All(tokens, t => Assert.Equal("connector-token-1", t));
        Assert.Equal(1, _connector.TokenRequests);
    }

    [Fact]
    public async Task GetToken_NoAppId_NoTokenAndNoRequest()
    {
        using var services = Services("StudyBot:Teams:AppId", "");

        Assert.Null(await Provider(services).GetTokenAsync(CancellationToken.None));
        Assert.Equal(0, _connector.TokenRequests);
    }

    [Fact]
    public async Task GetToken_RejectedSecret_FailsWithoutRevealingIt()
    {
        using var services = Services("StudyBot:Teams:AppPassword", "wrong-secret-value");

        var error = await Assert.ThrowsAsync<ConnectorException>(() => Provider(services).GetTokenAsync(CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.Status);
        Assert.DoesNotContain("wrong-secret-value", error.ToString(), StringComparison.Ordinal);
    }
}
