using StudyBot.Core.Ingestion;
using System.Text.Json;
using Microsoft.Extensions.Options;
using StudyBot.Core.Conversations;
using StudyBot.Core.Retrieval;
using StudyBot.Slack.Configuration;
using StudyBot.Slack.Rendering;
using StudyBot.Slack.Wire;
using StudyBot.Tests;

namespace StudyBot.Slack.Tests.Rendering;

public sealed class BlockKitRendererTests
{
    private static readonly Citation Note = new(1, "QLoRA", "knowledge", "fine-tuning.md", null, "Fine-tuning > QLoRA", "QLoRA quantizes…");
    private static readonly Citation Paper = new(2, "LLaMA", "papers", "llama.pdf", 3, "", "We introduce…");
    private static readonly Citation Web = new(3, "Notion page", "notion", "https://www.notion.so/page-1", null, "", "…");

    private static BlockKitRenderer Renderer(string? publicBaseUrl = null) =>
        new(Options.Create(new SlackOptions { BotToken = "xoxb-1", PublicBaseUrl = publicBaseUrl }));

    private static string Json(SlackMessage message) => JsonSerializer.Serialize(message.Blocks, SlackJson.Default.IReadOnlyListBlock);

    [Fact]
    public void Render_EveryReplyKind_IsBlockKitWithinSlacksLimits()
    {
        Assert.All(EveryReply.Kind, reply => Assert.All(Renderer().Render(reply), message =>
        {
            Assert.NotEmpty(message.Blocks);
            Assert.InRange(message.Text.Length, 1, BlockKitLimits.FallbackText);
            Assert.All(message.Blocks.OfType<SectionBlock>(), s => Assert.InRange(s.Text.Text.Length, 1, BlockKitLimits.SectionText));
            Assert.DoesNotContain("Reply {", Json(message), StringComparison.Ordinal);
        }));
    }

    [Fact]
    public void Render_ModelAnswerWithANotice_ShowsTheNoticeAndToolsUnderTheSources()
    {
        var reply = new AnswerReply("QLoRA quantizes to 4 bits [1].", [Note], Found: true, AnswerId: "43",
            ToolsCalled: ["knowledge_search", "knowledge_search", "web_search"], Notice: "1 sentence without support was removed.");

        using var doc = JsonDocument.Parse(Json(Assert.Single(Renderer().Render(reply))));

        var blocks = doc.RootElement.EnumerateArray().ToList();
        Assert.Equal(["section", "divider", "section", "context", "actions"], blocks.Select(b => b.GetProperty("type").GetString()));
        Assert.Equal(
            "1 sentence without support was removed. · Tools used: knowledge_search, web_search",
            blocks[3].GetProperty("elements")[0].GetProperty("text").GetString());
    }

    [Fact]
    public void Render_Answer_EscapesTextListsNumberedSourcesAndOffersFeedback()
    {
        var reply = new AnswerReply("QLoRA <b>fine-tunes</b> 4-bit models & adapters [1][2].", [Note, Paper, Web], Found: true, AnswerId: "42");

        var message = Assert.Single(Renderer("https://bot.example.com/").Render(reply));

        var json = Json(message);
        using var doc = JsonDocument.Parse(json);
        var blocks = doc.RootElement.EnumerateArray().ToList();
        Assert.Equal(["section", "divider", "section", "actions"], blocks.Select(b => b.GetProperty("type").GetString()));
        Assert.Equal("QLoRA &lt;b&gt;fine-tunes&lt;/b&gt; 4-bit models &amp; adapters [1][2].", blocks[0].GetProperty("text").GetProperty("text").GetString());
        Assert.Equal("mrkdwn", blocks[0].GetProperty("text").GetProperty("type").GetString());
        var sources = blocks[2].GetProperty("text").GetProperty("text").GetString()!;
        Assert.Contains("[1] <https://bot.example.com/api/sources/knowledge/files/fine-tuning.md|QLoRA> · Fine-tuning &gt; QLoRA", sources, StringComparison.Ordinal);
        Assert.Contains("[2] <https://bot.example.com/api/sources/papers/files/llama.pdf#page=3|LLaMA> · p. 3", sources, StringComparison.Ordinal);
        Assert.Contains("[3] <https://www.notion.so/page-1|Notion page>", sources, StringComparison.Ordinal);
        var buttons = blocks[3].GetProperty("elements").EnumerateArray().ToList();
        Assert.Equal(["feedback:up", "feedback:down", "quiz-on-answer"], buttons.Select(b => b.GetProperty("action_id").GetString()));
        Assert.Equal(["42|up", "42|down", "42"], buttons.Select(b => b.GetProperty("value").GetString()));
        Assert.All(buttons, b => Assert.Equal("button", b.GetProperty("type").GetString()));
        Assert.Equal(blocks[0].GetProperty("text").GetProperty("text").GetString(), message.Text);
    }

    [Fact]
    public void Render_AnswerWithoutPublicUrl_NamesFileSourcesWithoutLinks()
    {
        var message = Assert.Single(Renderer().Render(new AnswerReply("See [1].", [Note], Found: true)));

        Assert.Contains("[1] *QLoRA* (knowledge/fine-tuning.md)", Json(message), StringComparison.Ordinal);
        Assert.DoesNotContain("\"actions\"", Json(message), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_LongAnswer_SplitsIntoSectionsUnderTheSectionLimit()
    {
        var text = string.Join(" ", Enumerable.Repeat("Retrieval augmented generation grounds answers in documents.", 150));

        var message = Assert.Single(Renderer().Render(new AnswerReply(text, [Note], Found: true, AnswerId: "1")));

        var sections = message.Blocks.OfType<SectionBlock>().ToList();
        Assert.True(sections.Count >= 4);
        Assert.All(sections, s => Assert.True(s.Text.Text.Length <= BlockKitLimits.SectionText));
        Assert.IsType<ActionsBlock>(message.Blocks[^1]);
        Assert.True(message.Text.Length <= BlockKitLimits.FallbackText);
    }

    [Fact]
    public void Render_VeryLongAnswer_BecomesSeveralMessagesEachWithinLimitsWithFeedbackOnTheLast()
    {
        var text = string.Join("\n\n", Enumerable.Repeat(new string('x', 2500), 20));

        var messages = Renderer().Render(new AnswerReply(text, [Note], Found: true, AnswerId: "7"));

        Assert.True(messages.Count >= 5);
        Assert.All(messages, m =>
        {
            Assert.True(m.Blocks.Count <= BlockKitLimits.BlocksPerMessage);
            Assert.True(m.Blocks.OfType<SectionBlock>().Sum(s => s.Text.Text.Length) <= BlockKitLimits.MessageText);
            Assert.False(string.IsNullOrEmpty(m.Text));
        });
        Assert.IsType<ActionsBlock>(messages[^1].Blocks[^1]);
        Assert.Equal(20 * 2500, messages.SelectMany(m => m.Blocks.OfType<SectionBlock>()).Sum(s => s.Text.Text.Count(c => c == 'x')));
    }

    [Fact]
    public void Render_Notice_KeepsCodeSpansAndEscapesPlaceholders()
    {
        var message = Assert.Single(Renderer().Render(new NoticeReply("• `ask <question>` — answer")));

        Assert.Equal("• `ask &lt;question&gt;` — answer", ((SectionBlock)message.Blocks[0]).Text.Text);
    }

    [Fact]
    public void Render_Status_ListsSourcesWithCountsAndUnreadableFiles()
    {
        var status = new KnowledgeStatus(2, 30,
        [
            new SourceStatus("knowledge", "Files", true, 2, 30, SourceRunState.Idle, null, null, 0, 0, new IngestionCounts(2, 0, 0, 0, 1, 0.4),
                [new DocumentError("papers/scan.pdf", "no text layer")]),
        ]);

        var text = ((SectionBlock)Assert.Single(Renderer().Render(new StatusReply(status))).Blocks[0]).Text.Text;

        Assert.Contains("*Knowledge base*: 2 documents, 30 chunks", text, StringComparison.Ordinal);
        Assert.Contains("*knowledge* (Files): 2 documents, 30 chunks, idle; last run +2 ~0 -0 in 0.4 s", text, StringComparison.Ordinal);
        Assert.Contains("⚠ papers/scan.pdf: no text layer", text, StringComparison.Ordinal);
    }
}
