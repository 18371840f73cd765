using StudyBot.Slack.Tests.Fakes;

namespace StudyBot.Slack.Tests.Flows;

/// <summary>
/// "Ask StudyBot about this message" on a thread with replies, with a chat model, through the real host
/// (signed HTTP and Socket Mode): the thread (conversations.replies) goes to the model, and the private answer
/// is its summary with citations from the knowledge base.
/// </summary>
public sealed class ThreadSummaryTests : ChatModelFlow
{
    private const string Person = "U0SUMMARY1";
    private const string Summary = "The thread weighs fine-tuning the 65B model on one GPU; QLoRA freezes the pretrained model in 4-bit NormalFloat quantization and trains LoRA adapters [1].";
    private static readonly string[] Thread =
    [
        "Can we fine-tune the 65B model on the single A6000 we have?",
        "Full fine-tuning will not fit, it needs hundreds of GB.",
        "What about adapters? I heard 4-bit quantization helps.",
    ];

    /// <summary>Three colleagues' messages in one thread; returns the parent's and the last reply's ts.</summary>
    private (string Parent, string Reply) PostThread(string channel)
    {
        var parent = SlackTimestamps.Next();
        var reply = parent;
        for (var i = 0; i < Thread.Length; i++)
        {
            reply = i == 0 ? parent : SlackTimestamps.Next();
            Slack.AddUserMessage(channel, reply, parent, $"U0MEMBER{i}", Thread[i]);
        }

        return (parent, reply);
    }

    private void ScriptSummary()
    {
        Model.ToolCalls(("call_1", "knowledge_search", """{"query":"fine-tune 65B model single GPU 4-bit adapters"}"""));
        Model.Answer(Summary);
    }

    private async Task<FakeSlackCall> PrivateAnswerAsync()
    {
        var calls = await Slack.WaitUntilAsync(calls => calls.Any(c => c.Method == "response_url" && c.Body.Contains("Sources", StringComparison.Ordinal)), "the private summary");
        return calls.Last(c => c.Method == "response_url" && c.Body.Contains("Sources", StringComparison.Ordinal));
    }

    private void AssertSummarisedTheThread(FakeSlackCall answer)
    {
        Assert.Equal("ephemeral", answer.String("response_type"));
        Assert.Contains(Summary, answer.BlockText, StringComparison.Ordinal);
        Assert.Contains("fine-tuning", answer.BlockText, StringComparison.Ordinal);
        Assert.Contains("share_answer", answer.Body, StringComparison.Ordinal);
        var request = Model.Requests[0];
        Assert.StartsWith("Summarise this thread", request.UserMessage, StringComparison.Ordinal);
        Assert.All(Thread, message => Assert.Contains(message, request.AllText, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Shortcut_OnAReplyInAThread_SummarisesTheWholeThreadPrivatelyWithCitations()
    {
        var host = await Bed.StartHostAsync(WithModel());
        var channel = SlackFixtures.NewChannel();
        var (parent, reply) = PostThread(channel);
        ScriptSummary();
        var shortcut = ShortcutPayload.For(Slack, Person, channel, reply, parent, "U0MEMBER2", Thread[2]);

        var response = await host.PostSignedAsync("/slack/interactions", ShortcutPayload.Form(shortcut), "application/x-www-form-urlencoded");

        Assert.True(response.IsSuccessStatusCode);
        AssertSummarisedTheThread(await PrivateAnswerAsync());
        Assert.Contains(Slack.CallsTo("conversations.replies"), c => c.String("ts") == parent);
        Assert.DoesNotContain(Slack.CallsTo("chat.postMessage"), c => c.String("channel") == channel);
    }

    [Fact]
    public async Task Shortcut_OnAThreadParent_OverSocketMode_SummarisesTheThread()
    {
        await Bed.StartSocketModeHostAsync(WithModel());
        await Slack.WaitForSocketConnectionsAsync(1);
        var channel = SlackFixtures.NewChannel();
        var (parent, _) = PostThread(channel);
        ScriptSummary();
        var shortcut = ShortcutPayload.For(Slack, Person, channel, parent, parent, "U0MEMBER0", Thread[0]);

        var ack = await Slack.SendEnvelopeAsync("interactive", shortcut);

        Assert.False(string.IsNullOrEmpty(ack.GetProperty("envelope_id").GetString()));
        AssertSummarisedTheThread(await PrivateAnswerAsync());
        Assert.Contains(Slack.CallsTo("conversations.replies"), c => c.String("ts") == parent);
    }
}
