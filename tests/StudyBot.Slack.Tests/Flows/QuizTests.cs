using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Core.Quizzes;
using StudyBot.Slack.Tests.Fakes;

namespace StudyBot.Slack.Tests.Flows;

/// <summary>A quiz in a Slack thread: the question with option buttons, private feedback per press, results at `quiz stop`.</summary>
public sealed class QuizTests(SlackHttpFixture fixture) : IClassFixture<SlackHttpFixture>
{
    private readonly SlackTestHost _host = fixture.Host;
    private readonly FakeSlackApi _slack = fixture.Slack;

    [Fact]
    public async Task QuizInAThread_AnsweredByButtons_GivesEachAnswererPrivateFeedbackOnceAndResultsAtStop()
    {
        var channel = SlackFixtures.NewChannel();
        var start = SlackFixtures.Event("app_mention.event_callback.slack_docs.json", "<@U0LAN0Z89> quiz fine-tuning 2", channel);
        var thread = (string)start["event"]!["ts"]!;
        await _host.DeliverAsync(start);
        var posted = (await _slack.WaitForAsync("chat.update", c => c.String("channel") == channel)).Last(c => c.Method == "chat.update" && c.String("channel") == channel);
        var buttons = posted.Json.GetProperty("blocks").EnumerateArray().Single(b => b.GetProperty("type").GetString() == "actions").GetProperty("elements").EnumerateArray().ToList();
        Assert.Equal(["quiz-answer:0", "quiz-answer:1", "quiz-answer:2", "quiz-answer:3"], buttons.Select(b => b.GetProperty("action_id").GetString()));
        Assert.True(QuizAction.TryParse(buttons[0].GetProperty("value").GetString()!, out var sessionId, out _, out _));
        var store = _host.Services.GetRequiredService<IQuizStore>();
        var session = await store.GetSessionAsync(sessionId, CancellationToken.None);
        var correct = (await store.GetQuestionsAsync([session!.QuestionIds[0]], CancellationToken.None)).Single().CorrectOption;

        Assert.Equal(HttpStatusCode.OK, await PressAsync(channel, thread, posted.String("ts")!, "U0ALICE", buttons[correct]));
        await PressAsync(channel, thread, posted.String("ts")!, "U0BOB", buttons[(correct + 1) % 4]);
        await PressAsync(channel, thread, posted.String("ts")!, "U0ALICE", buttons[(correct + 2) % 4]);
        var ephemerals = await _slack.WaitForAsync("chat.postEphemeral", c => c.String("channel") == channel, count: 3);

        string TextFor(string user, int nth) => ephemerals.Where(c => c.Method == "chat.postEphemeral" && c.String("channel") == channel && c.String("user") == user).ElementAt(nth).BlockText;
        Assert.Contains("Correct", TextFor("U0ALICE", 0), StringComparison.Ordinal);
        Assert.Contains("fine-tuning.md", TextFor("U0ALICE", 0), StringComparison.Ordinal);
        Assert.Contains("Not quite", TextFor("U0BOB", 0), StringComparison.Ordinal);
        Assert.Contains("first answer", TextFor("U0ALICE", 1), StringComparison.Ordinal);
        Assert.All(ephemerals.Where(c => c.Method == "chat.postEphemeral" && c.String("channel") == channel), c => Assert.Equal(thread, c.String("thread_ts")));

        var stop = SlackFixtures.Event("app_mention.event_callback.slack_docs.json", "<@U0LAN0Z89> quiz stop", channel, threadTs: thread);
        await _host.DeliverAsync(stop);
        var results = await _slack.WaitUntilAsync(
            calls => calls.Any(c => c.Method == "chat.update" && c.String("channel") == channel && c.BlockText.Contains("was stopped", StringComparison.Ordinal)),
            "quiz results in the thread");
        var text = results.Last(c => c.Method == "chat.update" && c.String("channel") == channel).BlockText;
        Assert.Contains("U0ALICE — 1 of 1 correct", text, StringComparison.Ordinal);
        Assert.Contains("U0BOB — 0 of 1 correct", text, StringComparison.Ordinal);
    }

    private async Task<HttpStatusCode> PressAsync(string channel, string thread, string messageTs, string user, JsonElement button)
    {
        // Slack's recorded block_actions payload, pointed at the quiz message and one of its buttons.
        var payload = SlackFixtures.Json("interactivity", "block_actions.payload.decoded.json");
        payload["user"]!["id"] = user;
        payload["channel"]!["id"] = channel;
        payload["container"]!["channel_id"] = channel;
        payload["container"]!["message_ts"] = messageTs;
        payload["message"]!["ts"] = messageTs;
        payload["message"]!["thread_ts"] = thread;
        payload["trigger_id"] = Guid.NewGuid().ToString("N");
        payload["actions"] = new JsonArray(new JsonObject
        {
            ["type"] = "button", ["action_id"] = button.GetProperty("action_id").GetString(), ["block_id"] = "quiz",
            ["value"] = button.GetProperty("value").GetString(), ["action_ts"] = SlackTimestamps.Next(),
        });
        var response = await _host.PostSignedAsync("/slack/interactions", "payload=" + Uri.EscapeDataString(payload.ToJsonString()), "application/x-www-form-urlencoded");
        return response.StatusCode;
    }
}
