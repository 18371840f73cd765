using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Core.Feedback;
using StudyBot.Slack.Tests.Fakes;

namespace StudyBot.Slack.Tests.Flows;

/// <summary>POST /slack/interactions: Slack's feedback_buttons and the 👎 reason form (views.open, view_submission), stored through the engine's answer log.</summary>
public sealed class InteractionsTests(SlackHttpFixture fixture) : IClassFixture<SlackHttpFixture>
{
    private readonly SlackTestHost _host = fixture.Host;
    private readonly FakeSlackApi _slack = fixture.Slack;

    private static string Form(JsonNode payload) => "payload=" + Uri.EscapeDataString(payload.ToJsonString());

    /// <summary>Asks in a new channel and returns the question and the answer message as Slack stores it.</summary>
    private async Task<(JsonObject Question, FakeSlackCall Answer)> AskAsync(string channel)
    {
        var question = SlackFixtures.Event("app_mention.event_callback.slack_docs.json", "<@U0LAN0Z89> What is QLoRA?", channel);
        await _host.DeliverAsync(question);
        var answer = (await _slack.WaitForAsync("chat.update", c => c.String("channel") == channel)).Last(c => c.Method == "chat.update" && c.String("channel") == channel);
        return (question, answer);
    }

    /// <summary>Slack's block_actions payload of a feedback_buttons press (Fixtures/interactivity), pointed at this answer.</summary>
    private static JsonObject Press(JsonObject question, FakeSlackCall answer, bool helpful, string user, string? trigger = null)
    {
        var element = answer.Json.GetProperty("blocks").EnumerateArray().Single(b => b.GetProperty("type").GetString() == "context_actions").GetProperty("elements")[0];
        var channel = answer.String("channel")!;
        var payload = SlackFixtures.Documented("interactivity", "block_actions.feedback_buttons.json");
        payload["user"]!["id"] = user;
        payload["channel"]!["id"] = channel;
        payload["container"]!["channel_id"] = channel;
        payload["container"]!["message_ts"] = answer.String("ts");
        payload["container"]!["thread_ts"] = (string)question["event"]!["ts"]!;
        payload["message"]!["ts"] = answer.String("ts");
        payload["message"]!["thread_ts"] = (string)question["event"]!["ts"]!;
        payload["trigger_id"] = trigger ?? Guid.NewGuid().ToString("N");
        var action = payload["actions"]![0]!;
        action["action_id"] = element.GetProperty("action_id").GetString();
        action["value"] = element.GetProperty(helpful ? "positive_button" : "negative_button").GetProperty("value").GetString();
        action["action_ts"] = SlackTimestamps.Next();
        return payload;
    }

    private async Task<FeedbackEntry> VoteOfAsync(string user) =>
        Assert.Single(await _host.Services.GetRequiredService<IAnswerLog>().ListFeedbackAsync(1000, CancellationToken.None), f => f.UserId == user);

    [Fact]
    public async Task ThumbsDown_OnAnAnswer_StoresTheVoteAndOpensTheReasonForm()
    {
        var channel = SlackFixtures.NewChannel();
        var (question, answer) = await AskAsync(channel);
        var press = Press(question, answer, helpful: false, "U0DOWN0001");

        var response = await _host.PostSignedAsync("/slack/interactions", Form(press), "application/x-www-form-urlencoded");
        var opened = (await _slack.WaitForAsync("views.open", c => c.String("trigger_id") == (string)press["trigger_id"]!)).Last(c => c.Method == "views.open");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(200, opened.Status);
        var view = opened.Json.GetProperty("view");
        Assert.Equal(("modal", "feedback_reason"), (view.GetProperty("type").GetString(), view.GetProperty("callback_id").GetString()));
        var options = view.GetProperty("blocks").EnumerateArray().Single(b => b.TryGetProperty("block_id", out var id) && id.GetString() == "reason").GetProperty("element").GetProperty("options");
        Assert.Equal(["wrong", "outdated", "missing-source", "other"], options.EnumerateArray().Select(o => o.GetProperty("value").GetString()));
        var vote = await VoteOfAsync("U0DOWN0001");
        Assert.False(vote.Helpful);
        Assert.Null(vote.Reason);
        Assert.Equal("What is QLoRA?", vote.Answer.Question);
        Assert.Contains(vote.Answer.Citations, c => c.Link == "fine-tuning.md");
        Assert.StartsWith(vote.AnswerId + "|" + channel + "|", view.GetProperty("private_metadata").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(_slack.CallsTo("chat.postEphemeral"), c => c.String("channel") == channel);
    }

    [Fact]
    public async Task ReasonForm_SubmittedTwice_StoresTheReasonOnceWithTheVoteAndThanksOnce()
    {
        var channel = SlackFixtures.NewChannel();
        var (question, answer) = await AskAsync(channel);
        var press = Press(question, answer, helpful: false, "U0REASON01");
        await _host.PostSignedAsync("/slack/interactions", Form(press), "application/x-www-form-urlencoded");
        var opened = (await _slack.WaitForAsync("views.open", c => c.String("trigger_id") == (string)press["trigger_id"]!)).Last(c => c.Method == "views.open");
        // Slack's view_submission payload (Fixtures/interactivity) for the view StudyBot opened.
        var submission = SlackFixtures.Documented("interactivity", "view_submission.json");
        submission["user"]!["id"] = "U0REASON01";
        submission["view"]!["id"] = "V" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        submission["view"]!["private_metadata"] = opened.Json.GetProperty("view").GetProperty("private_metadata").GetString();

        var first = await _host.PostSignedAsync("/slack/interactions", Form(submission), "application/x-www-form-urlencoded");
        var second = await _host.PostSignedAsync("/slack/interactions", Form(submission), "application/x-www-form-urlencoded");
        await _slack.WaitForAsync("chat.postEphemeral", c => c.String("channel") == channel && c.String("user") == "U0REASON01");
        // A later press by someone else, handled after any second submission would have been.
        await _host.PostSignedAsync("/slack/interactions", Form(Press(question, answer, helpful: true, "U0BARRIER1")), "application/x-www-form-urlencoded");
        await _slack.WaitForAsync("chat.postEphemeral", c => c.String("channel") == channel && c.String("user") == "U0BARRIER1");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.Equal("", await first.Content.ReadAsStringAsync());
        var thanks = Assert.Single(_slack.CallsTo("chat.postEphemeral"), c => c.String("channel") == channel && c.String("user") == "U0REASON01");
        Assert.Equal((string)question["event"]!["ts"]!, thanks.String("thread_ts"));
        Assert.Contains("outdated", thanks.BlockText, StringComparison.Ordinal);
        var vote = await VoteOfAsync("U0REASON01");
        Assert.Equal((false, FeedbackReasonKind.Outdated, "Still describes the 2023 setup."), (vote.Helpful, vote.Reason?.Kind, vote.Reason?.Comment));
        Assert.True((await VoteOfAsync("U0BARRIER1")).Helpful);
        Assert.DoesNotContain(_slack.CallsTo("views.open"), c => c.String("trigger_id") == (string)submission["trigger_id"]!);
    }

    [Fact]
    public async Task ThumbsDown_WhenTheTriggerExpired_StandsAndIsThankedInTheThread()
    {
        var channel = SlackFixtures.NewChannel();
        var (question, answer) = await AskAsync(channel);

        await _host.PostSignedAsync("/slack/interactions", Form(Press(question, answer, helpful: false, "U0LATE0001", FakeViews.ExpiredTrigger)), "application/x-www-form-urlencoded");
        var thanks = await _slack.WaitForAsync("chat.postEphemeral", c => c.String("channel") == channel && c.String("user") == "U0LATE0001");

        Assert.Contains("Thanks", thanks.Last(c => c.Method == "chat.postEphemeral" && c.String("channel") == channel).BlockText, StringComparison.Ordinal);
        Assert.False((await VoteOfAsync("U0LATE0001")).Helpful);
    }

    [Fact]
    public async Task RecordedBlockActionsForm_WithItsByteOrderMark_IsAcceptedAndAnsweredToTheUser()
    {
        var body = SlackFixtures.Bytes("interactivity", "block_actions.form_body.botbuilder.txt");
        Assert.Equal([0xEF, 0xBB, 0xBF], body[..3]);

        var response = await _host.PostSignedAsync("/slack/interactions", body, "application/x-www-form-urlencoded");
        var calls = await _slack.WaitForAsync("chat.postEphemeral", c => c.String("channel") == "D01DX1HSCC9");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = calls.Single(c => c.Method == "chat.postEphemeral" && c.String("channel") == "D01DX1HSCC9");
        Assert.Equal("UCJ0BJ4MP", reply.String("user"));
        Assert.Contains("not something I know how to handle", reply.BlockText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("payload=%7Bnot+json", "not an interaction JSON object")]
    [InlineData("nothing=here", "one payload field")]
    public async Task Interaction_SignedButMalformed_Returns400WithTheReason(string body, string reason)
    {
        var response = await _host.PostSignedAsync("/slack/interactions", body, "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interaction_Unsigned_Returns401()
    {
        using var content = new StringContent(Form(SlackFixtures.Json("interactivity", "block_actions.payload.decoded.json")), Encoding.UTF8, "application/x-www-form-urlencoded");

        var response = await _host.CreateClient().PostAsync("/slack/interactions", content);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
