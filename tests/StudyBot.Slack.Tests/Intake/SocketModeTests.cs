using System.Net;
using System.Text.Json.Nodes;
using StudyBot.Slack.Tests.Fakes;

namespace StudyBot.Slack.Tests.Intake;

/// <summary>Socket Mode against a local WebSocket server speaking Slack's envelope format, through the real host.</summary>
public sealed class SocketModeTests : IAsyncLifetime
{
    private SlackTestBed _bed = null!;
    private SlackTestHost _host = null!;

    private FakeSlackApi Slack => _bed.Slack;

    public async Task InitializeAsync()
    {
        _bed = await SlackTestBed.StartAsync();
        _host = await _bed.StartSocketModeHostAsync();
        await Slack.WaitForSocketConnectionsAsync(1);
    }

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    /// <summary>Sends a recorded app_mention as an events_api envelope and waits for the answer in its thread.</summary>
    private async Task<(string EnvelopeId, FakeSlackCall Answer)> AskAsync(string question)
    {
        var channel = SlackFixtures.NewChannel();
        // bolt-python's recorded mention, addressed to this fake workspace's bot user.
        var callback = SlackFixtures.Event("app_mention.event_callback.bolt_python.json", $"<@{FakeSlackApi.BotUserId}> {question}", channel);
        var e = callback["event"]!;
        Slack.AddUserMessage(channel, (string)e["ts"]!, null, (string)e["user"]!, (string)e["text"]!);
        var ack = await Slack.SendEnvelopeAsync("events_api", callback);
        var calls = await Slack.WaitForAsync("chat.update", c => c.String("channel") == channel);
        return (ack.GetProperty("envelope_id").GetString()!, calls.Last(c => c.Method == "chat.update" && c.String("channel") == channel));
    }

    [Fact]
    public async Task EventsEnvelope_AppMention_IsAcknowledgedByIdAndAnsweredInThread()
    {
        var (envelopeId, answer) = await AskAsync("What is QLoRA?");

        Assert.False(string.IsNullOrEmpty(envelopeId));
        Assert.Contains("QLoRA", answer.String("text"), StringComparison.Ordinal);
        var open = Assert.Single(Slack.CallsTo("apps.connections.open"));
        Assert.Equal("Bearer " + SlackTestHost.AppToken, open.Authorization);
    }

    [Fact]
    public async Task DisconnectRequested_OpensANewConnectionAndKeepsAnswering()
    {
        await AskAsync("What is LoRA?");

        await Slack.SendDisconnectAsync("refresh_requested");
        await Slack.WaitForSocketConnectionsAsync(2);
        var (_, answer) = await AskAsync("What is QLoRA?");

        Assert.Equal(2, Slack.CallsTo("apps.connections.open").Count());
        Assert.Contains("QLoRA", answer.String("text"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DroppedSocket_ReconnectsAndKeepsAnswering()
    {
        Slack.DropSocket();
        await Slack.WaitForSocketConnectionsAsync(2);
        var (_, answer) = await AskAsync("What is PEFT?");

        Assert.Contains("PEFT", answer.String("text"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SlashCommandEnvelope_AcknowledgesWithTheWorkingMessageAndAnswersThroughTheResponseUrl()
    {
        var hook = Slack.ResponseUrl(Guid.NewGuid().ToString("N"));
        var payload = new JsonObject
        {
            ["token"] = "xyzz0WbapA4vBCDEFasx0q6G", ["team_id"] = "T1DC2JH3J", ["team_domain"] = "testteamnow", ["channel_id"] = "G8PSS9T3V",
            ["channel_name"] = "foobar", ["user_id"] = "U2CERLKJA", ["user_name"] = "roadrunner", ["command"] = "/studybot",
            ["text"] = "ask What is QLoRA?", ["api_app_id"] = "A123ABC456", ["is_enterprise_install"] = "false",
            ["response_url"] = hook.ToString(), ["trigger_id"] = Guid.NewGuid().ToString("N"),
        };

        var ack = await Slack.SendEnvelopeAsync("slash_commands", payload, acceptsResponsePayload: true);
        var calls = await Slack.WaitForAsync("response_url", c => c.BlockText.Contains("QLoRA", StringComparison.Ordinal));

        Assert.Equal("ephemeral", ack.GetProperty("payload").GetProperty("response_type").GetString());
        Assert.Contains("[1]", calls.Last(c => c.Method == "response_url").BlockText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InteractiveEnvelope_RecordedBlockActions_IsAcknowledgedAndAnsweredToTheUser()
    {
        var payload = SlackFixtures.Json("interactivity", "block_actions.payload.decoded.json");

        await Slack.SendEnvelopeAsync("interactive", payload);
        var calls = await Slack.WaitForAsync("chat.postEphemeral", c => c.String("user") == "UCJ0BJ4MP");

        Assert.Contains("not something I know how to handle", calls.Last(c => c.Method == "chat.postEphemeral").BlockText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HttpEndpoints_InSocketMode_AreNotServed()
    {
        var response = await _host.PostSignedAsync("/slack/events", SlackFixtures.Text("events", "url_verification.botbuilder.json"), "application/json");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
