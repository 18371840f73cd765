using StudyBot.Slack.Rendering;

namespace StudyBot.Slack.Tests.Rendering;

public sealed class MarkdownTests
{
    [Theory]
    [InlineData("Steps:\n- one\n- two")]
    [InlineData("1. first\n2. second")]
    [InlineData("Run:\n```\nstudybot ask\n```")]
    [InlineData("See [the guide](https://example.com/guide).")]
    [InlineData("This is **important**.")]
    public void RendersBetter_ListsCodeLinksAndBold_AreMarkdown(string text) => Assert.True(Markdown.RendersBetter(text));

    [Theory]
    [InlineData("QLoRA freezes the model [1] and trains adapters.")]
    [InlineData("Costs 3 * 4 = 12, not 2 - 1.")]
    public void RendersBetter_PlainProse_StaysMrkdwn(string text) => Assert.False(Markdown.RendersBetter(text));

    [Theory]
    [InlineData("Ping <!channel> now", null)]
    [InlineData("Ask <@U024BE7LH> or see <#C024BE7LR>", null)]
    [InlineData("!here, please", '<')]
    public void Neutralize_MentionTokens_ReadAsTextWithoutNotifying(string text, char? previous)
    {
        var shown = (previous?.ToString() ?? "") + Markdown.Neutralize(text, previous);

        Assert.DoesNotMatch("<[!@#]", shown);
        Assert.Equal((previous?.ToString() ?? "") + text, shown.Replace("\u200B", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Split_CodeBlockCutInTwo_IsClosedAndReopenedSoEachPieceRenders()
    {
        var code = "Run this:\n\n```\n" + string.Concat(Enumerable.Repeat("adapter.train(batch)  # one LoRA step\n", 200)) + "```\nDone.";

        var parts = Markdown.Split(code, 3000);

        Assert.True(parts.Count >= 3);
        Assert.All(parts, p => Assert.InRange(p.Length, 1, 3000));
        Assert.All(parts, p => Assert.Equal(0, p.Split('\n').Count(l => l.StartsWith("```", StringComparison.Ordinal)) % 2));
        Assert.StartsWith("```\n", parts[1], StringComparison.Ordinal);
        Assert.EndsWith("Done.", parts[^1], StringComparison.Ordinal);
    }
}
