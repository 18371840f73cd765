using Microsoft.Extensions.DependencyInjection;
using StudyBot.Operations.Jobs;
using StudyBot.Tests;

namespace StudyBot.Host.Tests;

/// <summary>A failing source through the real host and its Hangfire job class, alerting a fake Slack and a fake Teams webhook.</summary>
public sealed class SourceAlertTests : RunningHostTests, IAsyncLifetime
{
    private FakeWebhook _slack = null!;
    private FakeWebhook _teams = null!;

    protected override Dictionary<string, string?> Settings() => new()
    {
        ["StudyBot:Sources:broken:Type"] = "Files",
        ["StudyBot:Sources:broken:Path"] = Corpus.Combine("missing-folder"),
        ["StudyBot:Alerts:SlackWebhookUrl"] = _slack.Url,
        ["StudyBot:Alerts:TeamsWebhookUrl"] = _teams.Url,
        ["StudyBot:Alerts:SourceFailuresBeforeAlert"] = "3",
    };

    async Task IAsyncLifetime.InitializeAsync()
    {
        _slack = await FakeWebhook.StartAsync();
        _teams = await FakeWebhook.StartAsync();
        await InitializeAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _slack.DisposeAsync();
        await _teams.DisposeAsync();
    }

    /// <summary>One more run of the source, as Hangfire would start it.</summary>
    private async Task RunAsync(string source)
    {
        using var scope = Host.Services.CreateScope();
        try
        {
            await scope.ServiceProvider.GetRequiredService<IngestionJobs>().RunAsync(source, null, CancellationToken.None);
        }
        catch (IngestionFailedException)
        {
            // a failed run throws so Hangfire retries it
        }
    }

    [Fact]
    public async Task FailingSource_AlertsOnceAfterTheThirdFailureInARow_ThenReportsTheRecovery()
    {
        // Failure 1 was the start-up run.
        await RunAsync("broken");
        Assert.Empty(_slack.Posts);
        Assert.Empty(_teams.Posts);

        await RunAsync("broken");
        var alert = Assert.Single(_slack.Posts).GetProperty("text").GetString()!;
        Assert.Contains("source \"broken\" is failing", alert, StringComparison.Ordinal);
        Assert.Contains("The last 3 runs", alert, StringComparison.Ordinal);
        Assert.Contains("does not exist", alert, StringComparison.Ordinal);
        var card = Assert.Single(_teams.Posts).GetProperty("attachments")[0];
        Assert.Equal("application/vnd.microsoft.card.adaptive", card.GetProperty("contentType").GetString());
        Assert.Contains("broken", card.GetProperty("content").GetProperty("body")[0].GetProperty("text").GetString(), StringComparison.Ordinal);

        await RunAsync("broken");
        await RunAsync("knowledge");
        Assert.Single(_slack.Posts);

        Directory.CreateDirectory(Corpus.Combine("missing-folder"));
        await RunAsync("broken");
        Assert.Equal(2, _slack.Posts.Count);
        Assert.Contains("ran successfully after 4 failed runs", _slack.Posts.Last().GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, _teams.Posts.Count);
    }
}
