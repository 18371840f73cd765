using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Storage;
using StudyBot.Slack.Tests.Fakes;

namespace StudyBot.Slack.Tests.Flows;

/// <summary>
/// Answers from a chat model streamed into Slack through the real host: chat.startStream for the asker,
/// batched chat.appendStream, chat.stopStream with the sources and buttons; edits where Slack does not stream;
/// a stream cut by a restart finished by the retry.
/// </summary>
public sealed class StreamingTests : ChatModelFlow
{
    private const string Mention = "app_mention.event_callback.slack_docs.json";
    internal const string Supported = "QLoRA freezes the pretrained model in 4-bit NormalFloat quantization and trains LoRA adapters [1].";
    internal const string Second = "The paper shows that QLoRA makes it feasible to fine-tune a 65B-parameter model on a single 48 GB GPU [1].";

    private Task<SlackTestHost> StartHostAsync(string interval) => Bed.StartHostAsync(WithModel(("StudyBot:Slack:StreamInterval", interval)));

    /// <summary>The model searches, then writes two supported sentences word by word.</summary>
    private void ScriptAnswer(TimeSpan? pace = null)
    {
        Model.ToolCalls(("call_1", "knowledge_search", """{"query":"QLoRA 4-bit NormalFloat LoRA adapters"}"""));
        Model.Answer(Supported + " " + Second, pace);
    }

    private static JsonObject Question(string channel) => SlackFixtures.Event(Mention, "<@U0LAN0Z89> What is QLoRA?", channel);

    private IReadOnlyList<FakeSlackCall> StreamCalls(string channel) =>
        [.. Slack.Calls.Where(c => c.Method.EndsWith("Stream", StringComparison.Ordinal) && c.String("channel") == channel && c.Status == 200)];

    private static string Streamed(IEnumerable<FakeSlackCall> calls) => string.Concat(calls.Select(c => c.String("markdown_text")));

    [Fact]
    public async Task Mention_WithAChatModel_StreamsForTheAskerAndEndsWithSourcesAndFeedbackButtons()
    {
        var host = await StartHostAsync("00:00:00");
        var channel = SlackFixtures.NewChannel();
        var question = Question(channel);
        ScriptAnswer(pace: TimeSpan.FromMilliseconds(20));

        await host.DeliverAsync(question);
        await Slack.WaitForAsync("chat.stopStream", c => c.String("channel") == channel);

        var calls = StreamCalls(channel);
        var start = calls[0];
        var e = question["event"]!;
        Assert.Equal("chat.startStream", start.Method);
        Assert.Equal((string)e["ts"]!, start.String("thread_ts"));
        Assert.Equal((string)e["user"]!, start.String("recipient_user_id"));
        Assert.Equal((string?)e["user_team"] ?? (string?)e["team"] ?? (string)question["team_id"]!, start.String("recipient_team_id"));
        Assert.Contains(calls, c => c.Method == "chat.appendStream");
        Assert.Equal(Supported + " " + Second, Streamed(calls));
        var stop = calls[^1];
        Assert.Equal("chat.stopStream", stop.Method);
        Assert.Contains("Sources", stop.BlockText, StringComparison.Ordinal);
        Assert.Contains("fine-tuning", stop.BlockText, StringComparison.Ordinal);
        var feedback = stop.Json.GetProperty("blocks").EnumerateArray().Single(b => b.GetProperty("type").GetString() == "context_actions");
        Assert.EndsWith("|down", feedback.GetProperty("elements")[0].GetProperty("negative_button").GetProperty("value").GetString(), StringComparison.Ordinal);
        // The placeholder gave way to the stream; what the thread shows is the streamed answer.
        Assert.Single(Slack.CallsTo("chat.postMessage"), c => c.String("channel") == channel);
        Assert.Single(Slack.CallsTo("chat.delete"), c => c.String("channel") == channel);
        var thread = Slack.Threads.Replies(channel, (string)e["ts"]!).Select(m => m!.AsObject()).Where(m => (string?)m["bot_id"] is not null).ToList();
        var answer = Assert.Single(thread);
        Assert.Equal(Supported + " " + Second, (string?)answer["text"]);
        Assert.Equal("completed", (string?)answer["streaming_state"]);
        Assert.DoesNotContain(Slack.Calls, c => c.Method == "chat.update" && c.String("ts") == (string?)answer["ts"]);
    }

    [Fact]
    public async Task Mention_WithinTheStreamInterval_BatchesTheTextIntoFewCalls()
    {
        var host = await StartHostAsync("00:00:30");
        var channel = SlackFixtures.NewChannel();
        ScriptAnswer();

        await host.DeliverAsync(Question(channel));
        await Slack.WaitForAsync("chat.stopStream", c => c.String("channel") == channel);

        var calls = StreamCalls(channel);
        Assert.Equal(["chat.startStream", "chat.stopStream"], calls.Select(c => c.Method));
        Assert.Equal(Supported, calls[0].String("markdown_text")?.TrimEnd());
        Assert.Equal(Supported + " " + Second, Streamed(calls));
    }

    [Fact]
    public async Task Mention_WhereSlackDoesNotStream_EditsThePlaceholderAsTheAnswerGrows()
    {
        var host = await StartHostAsync("00:00:00");
        Slack.StreamingUnavailable = true;
        var channel = SlackFixtures.NewChannel();
        var question = Question(channel);
        ScriptAnswer(pace: TimeSpan.FromMilliseconds(20));

        await host.DeliverAsync(question);
        var updates = await Slack.WaitForAsync("chat.update", c => c.String("channel") == channel && c.BlockText.Contains("Sources", StringComparison.Ordinal));

        var placeholder = Slack.Threads.Replies(channel, (string)question["event"]!["ts"]!).Single(m => (string?)m!["bot_id"] is not null)!;
        var edits = updates.Where(c => c.Method == "chat.update" && c.String("channel") == channel).ToList();
        Assert.All(edits, c => Assert.Equal((string?)placeholder["ts"], c.String("ts")));
        Assert.Contains(edits, c => c.String("text")?.Trim() == Supported);
        Assert.Contains("\"feedback_buttons\"", edits[^1].Body, StringComparison.Ordinal);
        Assert.Single(Slack.CallsTo("chat.startStream"), c => c.String("channel") == channel);
        Assert.DoesNotContain(Slack.Calls, c => c.Method is "chat.appendStream" or "chat.stopStream" && c.String("channel") == channel);
    }

    [Fact]
    public async Task Redelivery_WhileTheAnswerStreams_StartsNoSecondStream()
    {
        var host = await StartHostAsync("00:00:00");
        var channel = SlackFixtures.NewChannel();
        var question = Question(channel);
        ScriptAnswer(pace: TimeSpan.FromMilliseconds(40));

        await host.DeliverAsync(question);
        await Slack.WaitForAsync("chat.startStream", c => c.String("channel") == channel);
        var redelivery = await host.PostSignedAsync("/slack/events", question.ToJsonString(), "application/json", retryNum: 1);
        await Slack.WaitForAsync("chat.stopStream", c => c.String("channel") == channel);

        Assert.True(redelivery.IsSuccessStatusCode);
        Assert.Single(Slack.CallsTo("chat.startStream"), c => c.String("channel") == channel);
        Assert.Single(Slack.CallsTo("chat.postMessage"), c => c.String("channel") == channel);
    }

    [Fact]
    public async Task RateLimitDuringAppends_WaitsForRetryAfterAndLosesOrRepeatsNoText()
    {
        var host = await StartHostAsync("00:00:00");
        var channel = SlackFixtures.NewChannel();
        Slack.EnqueueRateLimit("chat.appendStream");
        ScriptAnswer(pace: TimeSpan.FromMilliseconds(20));

        await host.DeliverAsync(Question(channel));
        await Slack.WaitForAsync("chat.stopStream", c => c.String("channel") == channel);

        var appends = Slack.CallsTo("chat.appendStream").Where(c => c.String("channel") == channel || c.Status == 429).ToList();
        var limited = Assert.Single(appends, c => c.Status == 429);
        var next = appends.First(c => c.At > limited.At && c.Status == 200);
        Assert.True(next.At - limited.At >= TimeSpan.FromSeconds(0.9), $"retried after {(next.At - limited.At).TotalMilliseconds} ms; Retry-After said 1 s");
        Assert.Equal(Supported + " " + Second, Streamed(StreamCalls(channel)));
    }

    [Fact]
    public async Task Restart_WhileTheAnswerStreams_FinishesThatStreamAndStartsNoOther()
    {
        var first = await StartHostAsync("00:00:00");
        var channel = SlackFixtures.NewChannel();
        var question = Question(channel);
        ScriptAnswer(pace: TimeSpan.FromMilliseconds(150));
        await first.DeliverAsync(question);
        var started = (await Slack.WaitForAsync("chat.startStream", c => c.String("channel") == channel && c.Status == 200)).Single(c => c.Method == "chat.startStream" && c.String("channel") == channel);
        await Slack.WaitForAsync("chat.appendStream", c => c.String("channel") == channel);
        var streamTs = (string?)Slack.Threads.Replies(channel, (string)question["event"]!["ts"]!).Single(m => (string?)m!["streaming_state"] == "in_progress")!["ts"];

        await Bed.StopHostAsync(first);
        ScriptAnswer();
        var second = await StartHostAsync("00:00:00");
        await using (var context = second.Services.GetRequiredService<AppStore>().CreateContext())
        {
            // The stopped host's lease on the item (2 minutes) runs out: ended here instead of waited for.
            await context.Inbox.Where(i => i.Status == InboxStatus.Pending).ExecuteUpdateAsync(i => i.SetProperty(x => x.AvailableAt, DateTimeOffset.UtcNow));
        }

        var finals = await Slack.WaitForAsync("chat.update", c => c.String("channel") == channel && c.BlockText.Contains("Sources", StringComparison.Ordinal));

        var final = finals.Last(c => c.Method == "chat.update" && c.String("channel") == channel);
        Assert.Equal(200, started.Status);
        Assert.Single(Slack.CallsTo("chat.startStream"), c => c.String("channel") == channel);
        Assert.Single(Slack.CallsTo("chat.postMessage"), c => c.String("channel") == channel);
        Assert.Contains(Slack.CallsTo("chat.stopStream"), c => c.String("channel") == channel && c.String("ts") == streamTs);
        Assert.Equal(streamTs, final.String("ts"));
        var thread = Slack.Threads.Replies(channel, (string)question["event"]!["ts"]!).Select(m => m!.AsObject()).Where(m => (string?)m["bot_id"] is not null).ToList();
        var answer = Assert.Single(thread);
        Assert.Equal(streamTs, (string?)answer["ts"]);
        Assert.Contains("QLoRA freezes the pretrained model", answer["blocks"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("context_actions", answer["blocks"]!.ToJsonString(), StringComparison.Ordinal);
    }
}
