using StudyBot.Core.Ingestion;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using StudyBot.Assistant.Rendering;
using StudyBot.Core.Conversations;
using StudyBot.Core.Retrieval;
using StudyBot.Teams.Configuration;
using StudyBot.Teams.Rendering;
using StudyBot.Teams.Tests.Infrastructure;
using StudyBot.Tests;

namespace StudyBot.Teams.Tests;

/// <summary>Every card StudyBot sends, validated against the Adaptive Card 1.5 schema of the fixtures.</summary>
public sealed class AdaptiveCardTests
{
    private const string BaseUrl = "https://studybot.example.com";

    private static readonly AnswerReply Answer = new(
        "QLoRA fine-tunes a 4-bit quantized model through low-rank adapters [1]. Vector stores keep the embeddings [2].",
        [
            new Citation(1, "Fine-tuning: LoRA, QLoRA, PEFT", "knowledge", "fine-tuning.md", null, "Fine-tuning: LoRA, QLoRA, PEFT › QLoRA", "QLoRA backpropagates through a frozen 4-bit model…"),
            new Citation(2, "LLaMA: Open and Efficient Foundation Language Models", "knowledge", "papers/llama.pdf", 1, "", "We introduce LLaMA…"),
            new Citation(3, "Confluence: Serving", "wiki", "https://wiki.example.com/pages/42", null, "Serving", "…"),
        ],
        Found: true,
        AnswerId: "ans-42");

    [Fact]
    public void AnswerCard_ModelAnswerWithANotice_IsValidAndShowsTheNoticeAndTools()
    {
        var card = AnswerCard.Render(Answer with { ToolsCalled = ["knowledge_search"], Notice = "The model timed out; this is the extractive answer." }, new CitationLinks(BaseUrl, null));

        CardSchema.AssertValid(card);
        Assert.Equal(
            "The model timed out; this is the extractive answer. · Tools used: knowledge_search",
            card["body"]![1]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void AnswerCard_Citations_SayTitleSectionAndPlaceOnce()
    {
        var card = AnswerCard.Render(Answer, new CitationLinks(BaseUrl, null));

        var lines = card["body"]!.AsArray().Select(e => e!["text"]?.GetValue<string>()).Where(t => t?.StartsWith('[') == true).ToList();
        Assert.Equal(
            [
                "[1] [Fine-tuning: LoRA, QLoRA, PEFT](https://studybot.example.com/api/sources/knowledge/files/fine-tuning.md) · QLoRA — knowledge · fine-tuning.md",
                "[2] [LLaMA: Open and Efficient Foundation Language Models](https://studybot.example.com/api/sources/knowledge/files/papers/llama.pdf#page=1) — knowledge · papers/llama.pdf, page 1",
                "[3] [Confluence: Serving](https://wiki.example.com/pages/42) · Serving — wiki · https://wiki.example.com/pages/42",
            ],
            lines);
    }

    [Fact]
    public void AnswerCard_WithCitationsAndAnswerId_IsValidWithOpenUrlAndFeedbackButtons()
    {
        var card = AnswerCard.Render(Answer, new CitationLinks(BaseUrl, null));

        CardSchema.AssertValid(card);
        var urls = card["body"]!.AsArray().Where(e => e!["type"]!.GetValue<string>() == "ActionSet")
            .SelectMany(s => s!["actions"]!.AsArray()).Select(a => a!["url"]!.GetValue<string>()).ToList();
        Assert.Equal(
            [
                "https://studybot.example.com/api/sources/knowledge/files/fine-tuning.md",
                "https://studybot.example.com/api/sources/knowledge/files/papers/llama.pdf#page=1",
                "https://wiki.example.com/pages/42",
            ],
            urls);
        var buttons = card["actions"]!.AsArray();
        Assert.Equal(["Action.Execute", "Action.Execute", "Action.Execute"], buttons.Select(b => b!["type"]!.GetValue<string>()));
        Assert.Equal("feedback", buttons[0]!["verb"]!.GetValue<string>());
        Assert.Equal("ans-42|up", buttons[0]!["data"]!["value"]!.GetValue<string>());
        Assert.Equal("ans-42|down", buttons[1]!["fallback"]!["data"]!["value"]!.GetValue<string>());
        Assert.Equal("Action.Submit", buttons[1]!["fallback"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void AnswerCard_WithoutPublicBaseUrl_LinksOnlyRealUrls()
    {
        var card = AnswerCard.Render(Answer, new CitationLinks(null, null));

        CardSchema.AssertValid(card);
        Assert.DoesNotContain("/api/sources/", card.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("https://wiki.example.com/pages/42", card.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AnswerCard_NotFoundWithoutCitations_IsValidWithoutButtons()
    {
        var card = AnswerCard.Render(new AnswerReply("I couldn't find that in the knowledge base.", [], Found: false), new CitationLinks(BaseUrl, null));

        CardSchema.AssertValid(card);
        Assert.Null(card["actions"]);
    }

    [Fact]
    public void AnswerButtons_AfterFeedback_ShowTheConfirmationInsteadOfButtons()
    {
        var card = AnswerCard.Voted("Thanks — glad it helped.");

        CardSchema.AssertValid(card);
        Assert.Null(card["actions"]);
        Assert.Contains("Thanks — glad it helped.", card.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);
    }

    [Fact]
    public void NoticeCard_HelpWithInlineCode_IsValidAndBoldsCommands()
    {
        var card = NoticeCard.Render("I answer questions. Commands:\n• `ask <question>` — answer\n• `help` — this list", AdaptiveCardRenderer.WelcomeHeading);

        CardSchema.AssertValid(card);
        var texts = card["body"]!.AsArray().Select(b => b!["text"]!.GetValue<string>()).ToList();
        Assert.Equal(AdaptiveCardRenderer.WelcomeHeading, texts[0]);
        Assert.Contains("• **ask <question>** — answer", texts);
    }

    [Fact]
    public void StatusCard_SourcesWithErrors_IsValid()
    {
        var errors = Enumerable.Range(1, 7).Select(i => new DocumentError($"papers/scan-{i}.pdf", "no text layer")).ToList();
        var status = new KnowledgeStatus(12, 340,
        [
            new SourceStatus("knowledge", "Files", true, 10, 300, SourceRunState.Idle, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddSeconds(3), 0, 0,
                new IngestionCounts(10, 0, 0, 0, 7, 2.5), errors),
            new SourceStatus("wiki", "Confluence", true, 2, 40, SourceRunState.Running, DateTimeOffset.UnixEpoch, null, 1, 4, null, []),
        ]);

        var card = StatusCard.Render(new StatusReply(status));

        CardSchema.AssertValid(card);
        Assert.Contains("running (1/4)", card.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("and 2 more", card.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EveryReplyKind_IsAValidCardWithItsPlainTextAsFallback()
    {
        var renderer = new AdaptiveCardRenderer(Options.Create(new TeamsOptions { PublicBaseUrl = BaseUrl }));

        Assert.All(EveryReply.Kind, reply =>
        {
            var card = renderer.Render(reply);
            CardSchema.AssertValid(card);
            Assert.Equal(reply.Render(PlainTextRenderer.Instance), card["fallbackText"]!.GetValue<string>());
        });
    }

    [Theory]
    [InlineData("sample.v1.5.InputForm.json")]
    [InlineData("sample.v1.5.Action.Execute.Mode.json")]
    public void Schema_PublishedSample_Validates(string sample)
    {
        var card = JsonNode.Parse(TeamsActivities.Text(Path.Combine("adaptive-cards", sample)))!;

        Assert.Empty(CardSchema.Errors(card));
    }

    [Fact]
    public void Schema_PublishedSampleUsingA1_6Property_IsRejected()
    {
        // The "1.5" InputsWithValidation sample gives an Action.OpenUrl a "role", which only schema 1.6 defines.
        var card = JsonNode.Parse(TeamsActivities.Text(Path.Combine("adaptive-cards", "sample.v1.5.InputsWithValidation.json")))!;

        Assert.Equal(["#/body[7]: ArrayItemNotValid"], CardSchema.Errors(card));
    }

    [Fact]
    public void Schema_CardWithAMisspelledElement_IsRejected()
    {
        var card = AnswerCard.Render(Answer, new CitationLinks(BaseUrl, null));
        card["body"]!.AsArray().Add(new JsonObject { ["type"] = "TextBlok", ["text"] = "typo" });

        Assert.NotEmpty(CardSchema.Errors(card));
    }
}
