using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Core.Conversations;
using StudyBot.Slack.Tests.Fakes;
using StudyBot.Tests;

namespace StudyBot.Slack.Tests.Flows;

/// <summary>
/// Slack's assistant pane through the real host (signed Events API): the greeting and suggested prompts
/// when a thread starts, the channel open beside the pane choosing the sources, the thread named after
/// its first question, and follow-ups answered with the pane thread's history.
/// </summary>
public sealed class AssistantPaneTests(SlackHttpFixture fixture) : IClassFixture<SlackHttpFixture>
{
    private const string DirectMessage = "message_im.event_callback.slack_docs.json";
    private const string Person = "U123ABC456";
    private readonly SlackTestHost _host = fixture.Host;
    private readonly FakeSlackApi _slack = fixture.Slack;

    /// <summary>An assistant_thread_* event of Slack's documented shape (Fixtures/events), for a new pane thread.</summary>
    internal static JsonObject PaneEvent(string type, string channel, string thread, string? viewed)
    {
        var body = JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "tests", "StudyBot.Slack.Tests", "Fixtures", "events", type + ".json")))!.AsObject();
        body["event_id"] = "Ev" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var pane = body["event"]!["assistant_thread"]!;
        pane["channel_id"] = channel;
        pane["thread_ts"] = thread;
        pane["context"]!["channel_id"] = viewed;
        return body;
    }

    /// <summary>A person's message in the pane: a message.im event in the pane's thread.</summary>
    internal static JsonObject PaneQuestion(string channel, string thread, string text) =>
        SlackFixtures.Event(DirectMessage, text, channel, threadTs: thread, user: Person);

    /// <summary>
    /// Waits until the host recorded <paramref name="viewed"/> beside the pane thread: pane events and
    /// questions are separate inbox items, handled side by side, so a question sent at once may overtake it.
    /// </summary>
    internal static async Task ViewedAsync(SlackTestHost host, string channel, string thread, string viewed)
    {
        var contexts = host.Services.GetRequiredService<IConversationContextStore>();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while ((await contexts.FindAsync(new ConversationAddress("slack", channel, thread), deadline.Token))?.ViewedSpace != viewed)
        {
            await Task.Delay(20, deadline.Token);
        }
    }

    private Task<HttpResponseMessage> SendAsync(JsonObject callback) =>
        _host.PostSignedAsync("/slack/events", callback.ToJsonString(), "application/json");

    private async Task<FakeSlackCall> AnswerInAsync(string channel, int count = 1) =>
        (await _slack.WaitForAsync("chat.update", c => c.String("channel") == channel, count)).Last(c => c.Method == "chat.update" && c.String("channel") == channel);

    [Fact]
    public async Task ThreadStarted_DeliveredTwice_GreetsOnceAndSetsTheSuggestedPrompts()
    {
        var (channel, thread) = (SlackFixtures.NewChannel('D'), SlackTimestamps.Next());
        var started = PaneEvent("assistant_thread_started", channel, thread, SlackHttpFixture.OpenChannel);

        var first = await SendAsync(started);
        var second = await SendAsync(started);
        await _slack.WaitForAsync("assistant.threads.setSuggestedPrompts", c => c.String("channel_id") == channel);

        Assert.True(first.IsSuccessStatusCode && second.IsSuccessStatusCode);
        var greeting = Assert.Single(_slack.CallsTo("chat.postMessage"), c => c.String("channel") == channel);
        Assert.Equal(thread, greeting.String("thread_ts"));
        Assert.Contains("knowledge base", greeting.String("text"), StringComparison.Ordinal);
        var prompts = Assert.Single(_slack.CallsTo("assistant.threads.setSuggestedPrompts"), c => c.String("channel_id") == channel);
        Assert.Equal(200, prompts.Status);
        Assert.Equal(thread, prompts.String("thread_ts"));
        var titles = prompts.Json.GetProperty("prompts").EnumerateArray().Select(p => p.GetProperty("title").GetString()).ToList();
        Assert.Equal(["Ask about …", "Quiz me on …", "What changed this week?"], titles);
    }

    [Fact]
    public async Task PaneQuestion_BesideAChannelWithItsOwnSources_SearchesOnlyThoseAndNamesTheThread()
    {
        var (channel, thread) = (SlackFixtures.NewChannel('D'), SlackTimestamps.Next());
        await SendAsync(PaneEvent("assistant_thread_started", channel, thread, SlackHttpFixture.OpenChannel));
        await _slack.WaitForAsync("assistant.threads.setSuggestedPrompts", c => c.String("channel_id") == channel);
        await SendAsync(PaneEvent("assistant_thread_context_changed", channel, thread, SlackHttpFixture.VectorsChannel));
        await ViewedAsync(_host, channel, thread, SlackHttpFixture.VectorsChannel);

        await _host.DeliverAsync(PaneQuestion(channel, thread, "What is QLoRA?"));
        var answer = await AnswerInAsync(channel);

        Assert.DoesNotContain("fine-tuning.md", answer.BlockText, StringComparison.Ordinal);
        Assert.DoesNotContain("/knowledge/", answer.BlockText, StringComparison.Ordinal);
        var title = Assert.Single(_slack.CallsTo("assistant.threads.setTitle"), c => c.String("channel_id") == channel);
        Assert.Equal(200, title.Status);
        Assert.Equal(thread, title.String("thread_ts"));
        Assert.Equal("What is QLoRA?", title.String("title"));
    }

    [Fact]
    public async Task PaneFollowUp_IsAnsweredWithTheThreadsHistoryAndKeepsTheFirstTitle()
    {
        var (channel, thread) = (SlackFixtures.NewChannel('D'), SlackTimestamps.Next());
        await SendAsync(PaneEvent("assistant_thread_started", channel, thread, SlackHttpFixture.OpenChannel));
        await _slack.WaitForAsync("assistant.threads.setSuggestedPrompts", c => c.String("channel_id") == channel);
        await _host.DeliverAsync(PaneQuestion(channel, thread, "What is QLoRA?"));
        await AnswerInAsync(channel);

        // One word of its own: answered with the pane thread's earlier question.
        await _host.DeliverAsync(PaneQuestion(channel, thread, "And the memory?"));
        var answer = await AnswerInAsync(channel, count: 2);

        Assert.Contains(_slack.CallsTo("conversations.replies"), c => c.String("channel") == channel && c.String("ts") == thread);
        Assert.Contains("QLoRA", answer.Body, StringComparison.Ordinal);
        Assert.All(_slack.CallsTo("chat.postMessage").Where(c => c.String("channel") == channel), c => Assert.Equal(thread, c.String("thread_ts")));
        Assert.Equal("What is QLoRA?", Assert.Single(_slack.CallsTo("assistant.threads.setTitle"), c => c.String("channel_id") == channel).String("title"));
    }

    [Fact]
    public async Task DirectMessageOutsideAPane_IsAnsweredWithoutATitle()
    {
        var channel = SlackFixtures.NewChannel('D');

        await _host.DeliverAsync(SlackFixtures.Event(DirectMessage, "What is QLoRA?", channel));
        await AnswerInAsync(channel);

        Assert.DoesNotContain(_slack.CallsTo("assistant.threads.setTitle"), c => c.String("channel_id") == channel);
    }
}
