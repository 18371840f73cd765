using System.Net;
using System.Text.Json.Nodes;
using StudyBot.Slack.Tests.Fakes;

namespace StudyBot.Slack.Tests.Flows;

/// <summary>POST /slack/commands with Slack's recorded form body: acknowledged at once, answered through the response_url.</summary>
public sealed class CommandsTests(SlackHttpFixture fixture) : IClassFixture<SlackHttpFixture>
{
    private readonly SlackTestHost _host = fixture.Host;
    private readonly FakeSlackApi _slack = fixture.Slack;

    /// <summary>Slack's documented slash-command body with its text, response_url (to the fake) and trigger id replaced.</summary>
    private string Command(string text)
    {
        var hook = Guid.NewGuid().ToString("N");
        var body = SlackFixtures.Text("commands", "slash_command.form_body.slack_docs.txt")
            .Replace("command=%2Fwebhook-collect", "command=%2Fstudybot", StringComparison.Ordinal)
            .Replace("text=&", "text=" + Uri.EscapeDataString(text) + "&", StringComparison.Ordinal)
            .Replace("https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN", Uri.EscapeDataString(_slack.ResponseUrl(hook).ToString()), StringComparison.Ordinal)
            .Replace("trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c", "trigger_id=" + hook, StringComparison.Ordinal);
        return body;
    }

    [Fact]
    public async Task Ask_RecordedCommandForm_AcknowledgesAtOnceAndAnswersThroughTheResponseUrl()
    {
        var body = Command("ask What is QLoRA?");

        var response = await _host.PostSignedAsync("/slack/commands", body, "application/x-www-form-urlencoded");
        var answer = await _slack.WaitForAsync("response_url", c => c.BlockText.Contains("QLoRA", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ack = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("ephemeral", (string?)ack["response_type"]);
        Assert.Contains("Looking that up", (string?)ack["text"], StringComparison.Ordinal);
        var reply = answer.Last(c => c.Method == "response_url" && c.BlockText.Contains("QLoRA", StringComparison.Ordinal));
        Assert.Equal("ephemeral", reply.String("response_type"));
        Assert.True(reply.Json.GetProperty("replace_original").GetBoolean());
        Assert.Contains("[1]", reply.BlockText, StringComparison.Ordinal);
        Assert.Contains("fine-tuning.md", reply.BlockText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quiz_OfThree_PostsQuestionOneOfThree()
    {
        var body = Command("quiz vector stores 3");

        await _host.PostSignedAsync("/slack/commands", body, "application/x-www-form-urlencoded");
        var calls = await _slack.WaitUntilAsync(all => all.Any(c => c.BlockText.Contains("Question 1 of", StringComparison.Ordinal)), "the first question");

        var question = calls.Last(c => c.BlockText.Contains("Question 1 of", StringComparison.Ordinal)).BlockText;
        Assert.Contains("Question 1 of 3 · vector stores", question, StringComparison.Ordinal);
        Assert.DoesNotContain("I could make", question, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptyText_RecordedCommandFormAsIs_AnswersWithHelp()
    {
        var body = Command("");

        await _host.PostSignedAsync("/slack/commands", body, "application/x-www-form-urlencoded");
        var calls = await _slack.WaitForAsync("response_url", c => c.BlockText.Contains("Commands:", StringComparison.Ordinal));

        var help = calls.Last(c => c.Method == "response_url" && c.BlockText.Contains("Commands:", StringComparison.Ordinal)).BlockText;
        Assert.Contains("`ask &lt;question&gt;`", help, StringComparison.Ordinal);
        Assert.Contains("`status`", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_ShowsTheIndexedSources()
    {
        var body = Command("status");

        await _host.PostSignedAsync("/slack/commands", body, "application/x-www-form-urlencoded");
        var calls = await _slack.WaitForAsync("response_url", c => c.BlockText.Contains("*Knowledge base*", StringComparison.Ordinal));

        var status = calls.Last(c => c.BlockText.Contains("*Knowledge base*", StringComparison.Ordinal)).BlockText;
        Assert.Contains("*knowledge* (Files): 1 documents", status, StringComparison.Ordinal);
        Assert.Contains("*vectors* (Files): 1 documents", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_SignedWithAnotherSecret_Returns401()
    {
        var body = Command("ask What is QLoRA?");

        var response = await _host.PostSignedAsync("/slack/commands", body, "application/x-www-form-urlencoded", secret: "another-secret");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Command_WithoutUserOrChannel_Returns400WithTheReason()
    {
        var response = await _host.PostSignedAsync("/slack/commands", "command=%2Fstudybot&text=help", "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("user_id, channel_id and trigger_id", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
