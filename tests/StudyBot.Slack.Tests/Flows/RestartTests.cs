using System.Net;
using StudyBot.Slack.Tests.Fakes;

namespace StudyBot.Slack.Tests.Flows;

/// <summary>Exactly-once across process lifetimes: the inbox lives in the data folder, not in memory.</summary>
public sealed class RestartTests : IAsyncLifetime
{
    private SlackTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await SlackTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task Redelivery_AfterAHostRestart_IsAcknowledgedButNotAnsweredAgain()
    {
        var channel = SlackFixtures.NewChannel();
        var callback = SlackFixtures.Event("app_mention.event_callback.slack_docs.json", "<@U0LAN0Z89> What is QLoRA?", channel);
        var first = await _bed.StartHostAsync();
        await first.DeliverAsync(callback);
        await _bed.Slack.WaitForAsync("chat.update", c => c.String("channel") == channel);
        await _bed.StopHostAsync(first);

        var second = await _bed.StartHostAsync();
        var redelivery = await second.PostSignedAsync("/slack/events", callback.ToJsonString(), "application/json", retryNum: 2);
        var barrier = SlackFixtures.NewChannel();
        await second.DeliverAsync(SlackFixtures.Event("app_mention.event_callback.slack_docs.json", "<@U0LAN0Z89> What is HNSW?", barrier));
        await _bed.Slack.WaitForAsync("chat.update", c => c.String("channel") == barrier);

        Assert.Equal(HttpStatusCode.OK, redelivery.StatusCode);
        Assert.Single(_bed.Slack.CallsTo("chat.postMessage"), c => c.String("channel") == channel);
        Assert.Single(_bed.Slack.CallsTo("chat.update"), c => c.String("channel") == channel);
    }
}
