using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StudyBot.Core.Inbox;
using StudyBot.Teams.Api;
using StudyBot.Teams.Tests.Infrastructure;
using StudyBot.Tests;

namespace StudyBot.Teams.Tests;

/// <summary>No app id configured: local testing only — no tokens either way, and only loopback serviceUrls are called.</summary>
public sealed class UnauthenticatedModeTests : IAsyncLifetime
{
    private FakeConnector _connector = null!;
    private TeamsHost _host = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _host = new TeamsHost(authority: null, _connector);
        await _host.WaitForIngestionAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Post_WithoutTokenToALoopbackConnector_AnsweredWithoutAToken()
    {
        var activity = TeamsActivities.Mention(_connector.ServiceUrl, "local-1", "What is QLoRA?");

        Assert.Equal(HttpStatusCode.OK, (await _host.PostActivityAsync(activity, token: null)).StatusCode);
        var reply = await _connector.WaitForReplyAsync("local-1");

        Assert.Equal("", reply.Authorization);
        Assert.Equal(0, _connector.TokenRequests);
    }

    [Fact]
    public async Task Post_FirstUnauthenticatedActivities_WarnOnceThatTheEndpointIsOpen()
    {
        var logs = new ListLoggerProvider();
        _host.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);

        await _host.PostActivityAsync(TeamsActivities.Mention(_connector.ServiceUrl, "local-4", "What is QLoRA?"), token: null);
        await _host.PostActivityAsync(TeamsActivities.Mention(_connector.ServiceUrl, "local-5", "What is LoRA?"), token: null);

        var warning = Assert.Single(logs.Snapshot(), e => e.Message.Contains("UNAUTHENTICATED", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, warning.Level);
    }

    [Fact]
    public async Task Post_WithoutTokenForAPublicServiceUrl_403()
    {
        var activity = TeamsActivities.Mention("https://smba.trafficmanager.net/amer/", "local-3", "What is QLoRA?");

        Assert.Equal(HttpStatusCode.Forbidden, (await _host.PostActivityAsync(activity, token: null)).StatusCode);
    }

    [Fact]
    public async Task Handle_ActivityWithAPublicServiceUrl_NeverCallsIt()
    {
        var activity = TeamsActivities.Mention("https://smba.trafficmanager.net/amer/", "local-2", "What is QLoRA?");
        var handler = _host.Services.GetServices<IInboxHandler>().Single(h => h.Channel == "teams");

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            handler.HandleAsync(new InboxItem("local-2@c", "teams", activity.ToJsonString(), DateTimeOffset.UtcNow, 1, null), CancellationToken.None));

        Assert.Contains("not seen in an authenticated activity", error.Message, StringComparison.Ordinal);
    }
}
