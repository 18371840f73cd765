using System.Text.Json.Nodes;
using StudyBot.Slack.Tests.Fakes;

namespace StudyBot.Slack.Tests.Flows;

/// <summary>
/// Answers written in markdown (lists, code, links) reach Slack as markdown blocks through the real host:
/// streamed or edited in, split over messages as sections are, each message's markdown within the 12,000
/// characters Slack allows, with the sources and feedback buttons after it.
/// </summary>
public sealed class MarkdownTests : ChatModelFlow
{
    private const string Mention = "app_mention.event_callback.slack_docs.json";
    private const string Freezes = StreamingTests.Supported;
    private const string Feasible = StreamingTests.Second;
    private static readonly string ListAnswer = $"QLoRA in two points:\n\n- {Freezes}\n- {Feasible}";

    private Task<SlackTestHost> StartHostAsync(bool stream = true) =>
        Bed.StartHostAsync(WithModel(("StudyBot:Slack:StreamInterval", "00:00:00"), ("StudyBot:Slack:StreamAnswers", stream ? "true" : "false")));

    /// <param name="paced">One word every 5 ms, so a stream gets several deltas; a long answer unpaced stays far within the model deadline on a busy machine.</param>
    private void ScriptAnswer(string answer, bool paced = true)
    {
        Model.ToolCalls(("call_1", "knowledge_search", """{"query":"QLoRA 4-bit NormalFloat LoRA adapters"}"""));
        Model.Answer(answer, paced ? TimeSpan.FromMilliseconds(5) : null);
    }

    private static JsonObject Question(string channel) => SlackFixtures.Event(Mention, "<@U0LAN0Z89> What is QLoRA?", channel);

    /// <summary>StudyBot's messages in the question's thread as Slack keeps them, oldest first.</summary>
    private List<JsonObject> Answers(string channel, JsonObject question) =>
        [.. Slack.Threads.Replies(channel, (string)question["event"]!["ts"]!).Select(m => m!.AsObject()).Where(m => (string?)m["bot_id"] is not null)];

    private static List<JsonObject> Blocks(JsonObject message) => [.. (message["blocks"] as JsonArray ?? []).Select(b => b!.AsObject())];

    private static string Types(JsonObject message) => string.Join(",", Blocks(message).Select(b => (string?)b["type"]));

    [Fact]
    public async Task Answer_WithAList_WhereSlackDoesNotStream_IsEditedInAsAMarkdownBlockBeforeSourcesAndFeedback()
    {
        var host = await StartHostAsync();
        Slack.StreamingUnavailable = true;
        var channel = SlackFixtures.NewChannel();
        var question = Question(channel);
        ScriptAnswer(ListAnswer);

        await host.DeliverAsync(question);
        await Slack.WaitForAsync("chat.update", c => c.String("channel") == channel && c.BlockText.Contains("Sources", StringComparison.Ordinal));

        var answer = Assert.Single(Answers(channel, question));
        Assert.Equal("markdown,divider,section,context,context_actions,actions", Types(answer));
        var markdown = Blocks(answer)[0];
        Assert.Equal(["type", "text"], markdown.Select(p => p.Key));
        Assert.Equal(ListAnswer, (string?)markdown["text"]);
        Assert.Contains("fine-tuning", (string?)Blocks(answer)[2]["text"]!["text"], StringComparison.Ordinal);
        // The notification text stays mrkdwn-safe plain text.
        Assert.StartsWith("QLoRA in two points:", (string?)answer["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_WithAList_Streamed_EndsWithTheSourcesAndFeedbackUnderTheStreamedMarkdown()
    {
        var host = await StartHostAsync();
        var channel = SlackFixtures.NewChannel();
        var question = Question(channel);
        ScriptAnswer(ListAnswer);

        await host.DeliverAsync(question);
        await Slack.WaitForAsync("chat.stopStream", c => c.String("channel") == channel);

        var answer = Assert.Single(Answers(channel, question));
        Assert.Equal(ListAnswer, (string?)answer["text"]);
        Assert.Equal("divider,section,context,context_actions,actions", Types(answer));
    }

    [Fact]
    public async Task LongMarkdownAnswer_IsSplitOverMessagesEachWithinSlacksMarkdownLimit()
    {
        var host = await StartHostAsync(stream: false);
        var channel = SlackFixtures.NewChannel();
        var question = Question(channel);
        var items = Enumerable.Range(1, 150).Select(i => $"{i}. {(i % 2 == 0 ? Freezes : Feasible)}");
        var answer = "Steps:\n\n" + string.Join("\n", items);
        ScriptAnswer(answer, paced: false);

        await host.DeliverAsync(question);
        await Slack.WaitUntilAsync(_ => Answers(channel, question).Any(m => Types(m).Contains("context_actions", StringComparison.Ordinal)), "the last part with the buttons");

        var answers = Answers(channel, question);
        Assert.True(answers.Count >= 2, $"{answers.Count} message(s)");
        Assert.All(answers, m => Assert.InRange(Blocks(m).Where(b => (string?)b["type"] == "markdown").Sum(b => ((string)b["text"]!).Length), 1, 12_000));
        var markdown = answers.SelectMany(Blocks).Where(b => (string?)b["type"] == "markdown").Select(b => (string)b["text"]!).ToList();
        Assert.All(markdown, t => Assert.InRange(t.Length, 1, 3000));
        Assert.Contains(markdown, t => t.Contains("1. " + Feasible, StringComparison.Ordinal));
        Assert.Contains(markdown, t => t.Contains("150. " + Freezes, StringComparison.Ordinal));
        Assert.Equal("context_actions", (string?)Blocks(answers[^1])[^2]["type"]);
    }

    [Fact]
    public async Task PlainAnswer_StaysInMrkdwnSections()
    {
        var host = await StartHostAsync(stream: false);
        var channel = SlackFixtures.NewChannel();
        var question = Question(channel);
        ScriptAnswer(Freezes + " " + Feasible);

        await host.DeliverAsync(question);
        await Slack.WaitForAsync("chat.update", c => c.String("channel") == channel && c.BlockText.Contains("Sources", StringComparison.Ordinal));

        var answer = Assert.Single(Answers(channel, question));
        Assert.Equal("section,divider,section,context,context_actions,actions", Types(answer));
        Assert.Equal("mrkdwn", (string?)Blocks(answer)[0]["text"]!["type"]);
    }
}
