using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using StudyBot.Slack.Tests.Fakes;

namespace StudyBot.Slack.Tests.Flows;

/// <summary>
/// "Ask StudyBot about this message" through the real host (signed POST /slack/interactions): the answer
/// shown privately through the shortcut's response_url, once per shortcut, and "Share in thread" posting it there.
/// </summary>
public sealed class MessageShortcutTests(SlackHttpFixture fixture) : IClassFixture<SlackHttpFixture>
{
    private const string Person = "U0SHORTCUT";
    private readonly SlackTestHost _host = fixture.Host;
    private readonly FakeSlackApi _slack = fixture.Slack;

    /// <summary>Slack's documented message_action payload, for a message a colleague just posted.</summary>
    private JsonObject Shortcut(string channel, string text, out string ts)
    {
        ts = SlackTimestamps.Next();
        _slack.AddUserMessage(channel, ts, null, "U0COLLEAGU", text);
        return ShortcutPayload.For(_slack, Person, channel, ts, null, "U0COLLEAGU", text);
    }

    private Task<HttpResponseMessage> SendAsync(JsonNode payload) =>
        _host.PostSignedAsync("/slack/interactions", ShortcutPayload.Form(payload), "application/x-www-form-urlencoded");

    /// <summary>The private answers for the message <paramref name="ts"/>: their Share button names its thread.</summary>
    private IEnumerable<FakeSlackCall> PrivateAnswers(string ts) =>
        _slack.CallsTo("response_url").Where(c => c.Body.Contains(":" + ts + "\"", StringComparison.Ordinal));

    private static JsonElement ShareButton(FakeSlackCall answer) =>
        answer.Json.GetProperty("blocks").EnumerateArray()
            .Where(b => b.GetProperty("type").GetString() == "actions")
            .SelectMany(b => b.GetProperty("elements").EnumerateArray())
            .Single(e => e.GetProperty("action_id").GetString() == "share_answer");

    [Fact]
    public async Task Shortcut_DeliveredTwice_AnswersTheMessagePrivatelyOnceWithAShareButton()
    {
        var channel = SlackFixtures.NewChannel();
        var shortcut = Shortcut(channel, "What is QLoRA?", out var ts);

        var first = await SendAsync(shortcut);
        var second = await SendAsync(shortcut);
        await _slack.WaitUntilAsync(_ => PrivateAnswers(ts).Any(), "the private answer");
        // A later shortcut answered proves the repeated one was handled (and dropped) before it.
        var barrier = Shortcut(SlackFixtures.NewChannel(), "What is HNSW?", out var barrierTs);
        await SendAsync(barrier);
        await _slack.WaitUntilAsync(_ => PrivateAnswers(barrierTs).Any(), "the barrier's answer");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var answer = Assert.Single(PrivateAnswers(ts));
        Assert.Equal("ephemeral", answer.String("response_type"));
        Assert.False(answer.Json.GetProperty("replace_original").GetBoolean());
        Assert.Contains("QLoRA", answer.String("text"), StringComparison.Ordinal);
        Assert.Contains("fine-tuning", answer.BlockText, StringComparison.Ordinal);
        Assert.EndsWith(":" + ts, ShareButton(answer).GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(_slack.CallsTo("chat.postMessage"), c => c.String("channel") == channel);
    }

    [Fact]
    public async Task ShareInThread_PostsTheAnswerInTheMessagesThreadAndClosesThePrivateCopy()
    {
        var channel = SlackFixtures.NewChannel();
        var shortcut = Shortcut(channel, "What is QLoRA?", out var ts);
        await SendAsync(shortcut);
        var answer = (await _slack.WaitUntilAsync(_ => PrivateAnswers(ts).Any(), "the private answer")).Last(c => PrivateAnswers(ts).Contains(c));
        var button = ShareButton(answer);
        // Slack's recorded block_actions payload, as the share button under the private answer sends it.
        var click = SlackFixtures.Json("interactivity", "block_actions.payload.decoded.json");
        click["user"]!["id"] = Person;
        click["channel"]!["id"] = channel;
        click["container"]!["channel_id"] = channel;
        click["container"]!["is_ephemeral"] = true;
        click["trigger_id"] = Guid.NewGuid().ToString("N");
        click["response_url"] = shortcut["response_url"]!.DeepClone();
        click["actions"] = new JsonArray(new JsonObject
        {
            ["type"] = "button", ["action_id"] = "share_answer", ["block_id"] = "share",
            ["value"] = button.GetProperty("value").GetString(), ["action_ts"] = SlackTimestamps.Next(),
        });

        var response = await SendAsync(click);
        var calls = await _slack.WaitUntilAsync(
            calls => calls.Any(c => c.Method == "response_url" && c.Body.Contains("Shared in the thread", StringComparison.Ordinal)), "the private copy closed");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var shared = Assert.Single(_slack.CallsTo("chat.postMessage"), c => c.String("channel") == channel);
        Assert.Equal(ts, shared.String("thread_ts"));
        Assert.Contains($"Shared by <@{Person}>", shared.BlockText, StringComparison.Ordinal);
        Assert.Contains("QLoRA", shared.String("text"), StringComparison.Ordinal);
        Assert.Contains("fine-tuning", shared.BlockText, StringComparison.Ordinal);
        var closed = calls.Last(c => c.Method == "response_url" && c.Body.Contains("Shared in the thread", StringComparison.Ordinal));
        Assert.True(closed.Json.GetProperty("replace_original").GetBoolean());
    }
}
