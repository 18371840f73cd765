using StudyBot.Slack.Rendering;




namespace StudyBot.Slack.Tests.Rendering;

public sealed class MrkdwnTests
{
    [Fact]
    public void Escape_ControlCharacters_BecomeEntities()
    {
        Assert.Equal("a &amp; b &lt;!channel&gt; &lt;https://x&gt;", Mrkdwn.Escape("a & b <!channel> <https://x>"));
    }

    [Fact]
    public void Link_UrlAndLabelWithSlackSyntax_AreMadeSafe()
    {
        Assert.Equal("<https://x.test/a%7Cb%3E%20c|Q&amp;A ¦ &lt;tips&gt;>", Mrkdwn.Link("https://x.test/a|b> c", "Q&A | <tips>"));
    }

    [Fact]
    public void Split_ShortText_IsOnePiece()
    {
        Assert.Equal(["hello"], Mrkdwn.Split("hello", 3000));
    }

    [Fact]
    public void Split_Paragraphs_BreakBetweenParagraphsWithinTheLimit()
    {
        var text = string.Join("\n\n", Enumerable.Range(0, 10).Select(i => new string((char)('a' + i), 900)));

        var parts = Mrkdwn.Split(text, 3000);

        Assert.All(parts, p => Assert.True(p.Length <= 3000));
        Assert.Equal(4, parts.Count);
        Assert.Equal(text.Replace("\n", "", StringComparison.Ordinal), string.Concat(parts).Replace("\n", "", StringComparison.Ordinal));
        Assert.All(parts, p => Assert.False(p.StartsWith('\n') || p.EndsWith('\n')));
    }

    [Fact]
    public void Split_OneLongWordOfEntities_NeverCutsAnEntity()
    {
        var text = Mrkdwn.Escape(new string('&', 2000));

        var parts = Mrkdwn.Split(text, 3000);

        Assert.All(parts, p => Assert.True(p.Length <= 3000 && p.EndsWith("&amp;", StringComparison.Ordinal)));
        Assert.Equal(text, string.Concat(parts));
    }

    [Fact]
    public void Truncate_LongText_EndsWithEllipsisWithinTheLimit()
    {
        var truncated = Mrkdwn.Truncate(new string('x', 5000), 3000);

        Assert.Equal(3000, truncated.Length);
        Assert.EndsWith("…", truncated, StringComparison.Ordinal);
    }
}
