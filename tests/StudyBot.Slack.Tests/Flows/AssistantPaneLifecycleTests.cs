using StudyBot.Slack.Tests.Fakes;

namespace StudyBot.Slack.Tests.Flows;

/// <summary>
/// The assistant pane across a restart and over Socket Mode, and the working status a chat model's
/// answer shows under its thread (assistant.threads.setStatus), through the real host.
/// </summary>
public sealed class AssistantPaneLifecycleTests : ChatModelFlow
{
    private const string VectorsChannel = "CVECTORS02";
    private static readonly (string, string?) VectorsOnly = ($"StudyBot:Slack:Channels:{VectorsChannel}:Sources:0", "vectors");
    private async Task<FakeSlackCall> AnswerInAsync(string channel) =>
        (await Slack.WaitForAsync("chat.update", c => c.String("channel") == channel)).Last(c => c.Method == "chat.update" && c.String("channel") == channel);

    [Fact]
    public async Task ViewedChannel_IsKeptAcrossARestart_ForTheNextPaneQuestion()
    {
        var (channel, thread) = (SlackFixtures.NewChannel('D'), SlackTimestamps.Next());
        var before = await Bed.StartHostAsync(VectorsOnly);
        var started = AssistantPaneTests.PaneEvent("assistant_thread_started", channel, thread, VectorsChannel);
        await before.PostSignedAsync("/slack/events", started.ToJsonString(), "application/json");
        await Slack.WaitForAsync("assistant.threads.setSuggestedPrompts", c => c.String("channel_id") == channel);
        await Bed.StopHostAsync(before);

        var after = await Bed.StartHostAsync(VectorsOnly);
        await after.DeliverAsync(AssistantPaneTests.PaneQuestion(channel, thread, "What is QLoRA?"));
        var answer = await AnswerInAsync(channel);

        Assert.DoesNotContain("fine-tuning.md", answer.BlockText, StringComparison.Ordinal);
        Assert.DoesNotContain("/knowledge/", answer.BlockText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SocketMode_PaneEvents_GreetRecordTheViewedChannelAndAnswerFromItsSources()
    {
        var host = await Bed.StartSocketModeHostAsync(VectorsOnly);
        await Slack.WaitForSocketConnectionsAsync(1);
        var (channel, thread) = (SlackFixtures.NewChannel('D'), SlackTimestamps.Next());

        await Slack.SendEnvelopeAsync("events_api", AssistantPaneTests.PaneEvent("assistant_thread_started", channel, thread, "COTHER0001"));
        await Slack.WaitForAsync("assistant.threads.setSuggestedPrompts", c => c.String("channel_id") == channel);
        await Slack.SendEnvelopeAsync("events_api", AssistantPaneTests.PaneEvent("assistant_thread_context_changed", channel, thread, VectorsChannel));
        await AssistantPaneTests.ViewedAsync(host, channel, thread, VectorsChannel);
        var question = AssistantPaneTests.PaneQuestion(channel, thread, "What is QLoRA?");
        var e = question["event"]!;
        Slack.AddUserMessage(channel, (string)e["ts"]!, thread, (string)e["user"]!, (string)e["text"]!);
        await Slack.SendEnvelopeAsync("events_api", question);
        var answer = await AnswerInAsync(channel);

        Assert.Equal(thread, Assert.Single(Slack.CallsTo("chat.postMessage"), c => c.String("channel") == channel && c.String("text")!.Contains("knowledge base", StringComparison.Ordinal)).String("thread_ts"));
        Assert.DoesNotContain("fine-tuning.md", answer.BlockText, StringComparison.Ordinal);
        Assert.Equal("What is QLoRA?", Assert.Single(Slack.CallsTo("assistant.threads.setTitle"), c => c.String("channel_id") == channel).String("title"));
    }

    [Fact]
    public async Task ChatModelAnswer_InAChannelThread_ShowsWhatItIsDoingAndClearsTheStatusAfterTheReply()
    {
        var host = await Bed.StartHostAsync(WithModel(("StudyBot:Slack:StreamInterval", "00:00:00")));
        Model.ToolCalls(("call_1", "knowledge_search", """{"query":"QLoRA 4-bit NormalFloat LoRA adapters"}"""));
        Model.Answer("QLoRA freezes the pretrained model in 4-bit NormalFloat quantization and trains LoRA adapters [1].");
        var channel = SlackFixtures.NewChannel();
        var question = SlackFixtures.Event("app_mention.event_callback.slack_docs.json", "<@U0LAN0Z89> What is QLoRA?", channel);

        await host.DeliverAsync(question);
        var calls = await Slack.WaitUntilAsync(
            calls => calls.Any(c => c.Method == "assistant.threads.setStatus" && c.String("channel_id") == channel && c.String("status") == ""),
            "the status cleared");

        var statuses = calls.Where(c => c.Method == "assistant.threads.setStatus" && c.String("channel_id") == channel).ToList();
        Assert.All(statuses, s => Assert.Equal((string)question["event"]!["ts"]!, s.String("thread_ts")));
        Assert.All(statuses, s => Assert.Equal(200, s.Status));
        Assert.Equal("is searching the knowledge base…", statuses[0].String("status"));
        Assert.Contains(statuses, s => s.String("status")!.StartsWith("is reading ", StringComparison.Ordinal));
        Assert.Equal("", statuses[^1].String("status"));
        var stop = calls.ToList().FindIndex(c => c.Method == "chat.stopStream" && c.String("channel") == channel);
        Assert.InRange(stop, 0, calls.ToList().IndexOf(statuses[^1]));
    }
}
