using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using StudyBot.Operations.Alerts;
using StudyBot.Knowledge.Index;
using StudyBot.Tests;

namespace StudyBot.Operations.Tests;

/// <summary>Readiness alerts and webhook delivery on a fake clock, against fake webhooks on loopback.</summary>
public sealed class AlertDeliveryTests : IAsyncLifetime
{
    private static readonly IndexReadiness NotReady = new(false, "the index is still loading");
    private static readonly IndexReadiness Ready = new(true, "ready");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
    private FakeWebhook _slack = null!;
    private FakeWebhook _teams = null!;
    private IHost _services = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeWebhook.StartAsync();
        _teams = await FakeWebhook.StartAsync();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["StudyBot:Alerts:SlackWebhookUrl"] = _slack.Url,
            ["StudyBot:Alerts:TeamsWebhookUrl"] = _teams.Url,
            ["StudyBot:Alerts:ReadinessGraceSeconds"] = "60",
        });
        builder.Services.AddSingleton<TimeProvider>(_clock);
        builder.AddStudyBotAlerts();
        _services = builder.Build();
    }

    public async Task DisposeAsync()
    {
        _services.Dispose();
        await _slack.DisposeAsync();
        await _teams.DisposeAsync();
    }

    [Fact]
    public async Task Readiness_AlertsOnceAfterTheGracePeriod_ThenOnRecovery()
    {
        var readiness = _services.Services.GetRequiredService<ReadinessAlerts>();

        await readiness.CheckAsync(NotReady, CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(59));
        await readiness.CheckAsync(NotReady, CancellationToken.None);
        Assert.Empty(_slack.Posts);

        _clock.Advance(TimeSpan.FromSeconds(1));
        await readiness.CheckAsync(NotReady, CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(30));
        await readiness.CheckAsync(NotReady, CancellationToken.None);
        Assert.Contains("StudyBot is not ready", Assert.Single(_slack.Posts).GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Single(_teams.Posts);

        await readiness.CheckAsync(Ready, CancellationToken.None);
        await readiness.CheckAsync(Ready, CancellationToken.None);
        Assert.Equal(2, _slack.Posts.Count);
        Assert.Contains("it was not ready for 90 seconds", _slack.Posts.Last().GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_Webhook429_WaitsForRetryAfterAndPostsOnce()
    {
        _slack.RespondNext(429, retryAfter: "20");

        var started = _clock.GetUtcNow();
        var sending = _services.Services.GetRequiredService<AlertSender>().SendAsync(new AlertMessage("t", "x", true), CancellationToken.None);
        // The retry waits on the host's clock: step it a second at a time until the alert is through.
        for (var step = 0; step < 120 && !sending.IsCompleted; step++)
        {
            await Task.Delay(50);
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        var delivered = await sending;
        var waited = _clock.GetUtcNow() - started;

        Assert.True(delivered);
        Assert.True(waited >= TimeSpan.FromSeconds(20), $"retried after {waited}");
        Assert.Equal(2, _slack.Posts.Count);
        Assert.Single(_teams.Posts);
    }

    [Fact]
    public async Task Readiness_WebhookServerError_IsNotRetriedAtOnceButOnTheNextCheck()
    {
        var readiness = _services.Services.GetRequiredService<ReadinessAlerts>();
        _teams.RespondNext(500);

        await readiness.CheckAsync(NotReady, CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(60));
        await readiness.CheckAsync(NotReady, CancellationToken.None);
        Assert.Single(_teams.Posts);

        _clock.Advance(TimeSpan.FromSeconds(30));
        await readiness.CheckAsync(NotReady, CancellationToken.None);
        Assert.Equal(2, _teams.Posts.Count);
    }

    [Fact]
    public async Task SlackPayload_EscapesMrkdwnControlCharacters()
    {
        await _services.Services.GetRequiredService<AlertSender>().SendAsync(
            new AlertMessage("source <wiki>", "error: a & b <tag>", true), CancellationToken.None);

        Assert.Equal(":warning: *source &lt;wiki&gt;*\nerror: a &amp; b &lt;tag&gt;", Assert.Single(_slack.Posts).GetProperty("text").GetString());
    }
}
