using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Core.Feedback;
using StudyBot.Slack.Tests.Fakes;

namespace StudyBot.Slack.Tests.Flows;

/// <summary>POST /slack/interactions: block_actions from the feedback buttons, stored through the engine's answer log.</summary>
public sealed class InteractionsTests(SlackHttpFixture fixture) : IClassFixture<SlackHttpFixture>
{
    private readonly SlackTestHost _host = fixture.Host;
    private readonly FakeSlackApi _slack = fixture.Slack;

    private static string Form(JsonNode payload) => "payload=" + Uri.EscapeDataString(payload.ToJsonString());

    [Fact]
    public async Task FeedbackButton_OnAnAnswer_IsStoredWithTheQuestionAnswerAndCitations()
    {
        var channel = SlackFixtures.NewChannel();
        var question = SlackFixtures.Event("app_mention.event_callback.slack_docs.json", "<@U0LAN0Z89> What is QLoRA?", channel);
        await _host.DeliverAsync(question);
        var answer = (await _slack.WaitForAsync("chat.update", c => c.String("channel") == channel)).Last(c => c.Method == "chat.update" && c.String("channel") == channel);
        var down = answer.Json.GetProperty("blocks").EnumerateArray().Single(b => b.GetProperty("type").GetString() == "actions").GetProperty("elements")[1];
        // Slack's recorded block_actions payload, pointed at this answer and its 👎 button.
        var payload = SlackFixtures.Json("interactivity", "block_actions.payload.decoded.json");
        payload["user"]!["id"] = "U0FEEDBACK";
        payload["channel"]!["id"] = channel;
        payload["container"]!["channel_id"] = channel;
        payload["container"]!["message_ts"] = answer.String("ts");
        payload["message"]!["ts"] = answer.String("ts");
        payload["message"]!["thread_ts"] = (string)question["event"]!["ts"]!;
        payload["trigger_id"] = Guid.NewGuid().ToString("N");
        payload["actions"] = new JsonArray(new JsonObject
        {
            ["type"] = "button", ["action_id"] = down.GetProperty("action_id").GetString(), ["block_id"] = "feedback",
            ["value"] = down.GetProperty("value").GetString(), ["action_ts"] = SlackTimestamps.Next(),
        });

        var response = await _host.PostSignedAsync("/slack/interactions", Form(payload), "application/x-www-form-urlencoded");
        var thanks = await _slack.WaitForAsync("chat.postEphemeral", c => c.String("channel") == channel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ephemeral = thanks.Single(c => c.Method == "chat.postEphemeral" && c.String("channel") == channel);
        Assert.Equal("U0FEEDBACK", ephemeral.String("user"));
        Assert.Equal((string)question["event"]!["ts"]!, ephemeral.String("thread_ts"));
        Assert.Contains("Thanks", ephemeral.BlockText, StringComparison.Ordinal);
        var log = _host.Services.GetRequiredService<IAnswerLog>();
        var feedback = Assert.Single(await log.ListFeedbackAsync(100, CancellationToken.None), f => f.UserId == "U0FEEDBACK");
        Assert.False(feedback.Helpful);
        Assert.Equal("What is QLoRA?", feedback.Answer.Question);
        Assert.Equal("slack", feedback.Answer.Channel);
        Assert.Contains("QLoRA", feedback.Answer.Answer, StringComparison.Ordinal);
        Assert.Contains(feedback.Answer.Citations, c => c.Link == "fine-tuning.md");
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
    [InlineData("payload=%7Bnot+json")]
    [InlineData("nothing=here")]
    public async Task Interaction_SignedButMalformed_Returns400(string body)
    {
        var response = await _host.PostSignedAsync("/slack/interactions", body, "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Interaction_Unsigned_Returns401()
    {
        using var content = new StringContent(Form(SlackFixtures.Json("interactivity", "block_actions.payload.decoded.json")), Encoding.UTF8, "application/x-www-form-urlencoded");

        var response = await _host.CreateClient().PostAsync("/slack/interactions", content);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
