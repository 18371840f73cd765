using StudyBot.Knowledge.Sources.Confluence;

namespace StudyBot.Knowledge.Tests.Sources.Confluence;

/// <summary>Storage format → Markdown on the recorded samples of ../shared/fixtures/confluence/storage-format.</summary>
public sealed class StorageFormatConverterTests
{
    private static readonly StorageFormatConverter Converter =
        new((space, title) => $"https://acme.atlassian.net/wiki/display/{space ?? "ENG"}/{title.Replace(' ', '+')}");

    private static string Convert(string fixture) => Converter.Convert(StorageFixture.Read(fixture));

    [Fact]
    public void Convert_CodeMacro_BecomesAFencedBlockWithItsLanguageAndTitle()
    {
        var markdown = Convert("code-standard-input.xml");

        Assert.Contains("The menu\n\n```sql\nSELECT * FROM menu;\n```", markdown, StringComparison.Ordinal);
        Assert.Contains("```json\n{\n\"name\": \"test\",\n\"version\": \"null\"\n}\n```", markdown.Replace("\t", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_NoformatMacro_BecomesAPlainFence()
    {
        Assert.Equal("```\nSELECT * FROM menu;\n```\n\n```\nSELECT * FROM menu;\n```", Convert("noformat-standard-input.xml"));
    }

    [Fact]
    public void Convert_InfoMacro_BecomesALabelledQuoteKeepingItsBodyAndDroppingImages()
    {
        Assert.Equal("> **Info:** Some nice title\n>\n> ### Some heading:\n>\n> 1. some inline text\n> 2. some other inline text", Convert("info-macro-input.xml"));
    }

    [Fact]
    public void Convert_NoteWarningTipPanels_AreLabelledQuotes()
    {
        var storage = """
            <ac:structured-macro ac:name="note"><ac:rich-text-body><p>Backups run at 02:00.</p></ac:rich-text-body></ac:structured-macro>
            <ac:structured-macro ac:name="warning"><ac:parameter ac:name="title">Data loss</ac:parameter><ac:rich-text-body><p>Never drop the primary.</p></ac:rich-text-body></ac:structured-macro>
            <ac:structured-macro ac:name="tip"><ac:rich-text-body><p>Use&nbsp;the runbook&rsquo;s checklist.</p></ac:rich-text-body></ac:structured-macro>
            """;

        Assert.Equal(
            "> **Note:**\n>\n> Backups run at 02:00.\n\n> **Warning:** Data loss\n>\n> Never drop the primary.\n\n> **Tip:**\n>\n> Use the runbook\u2019s checklist.",
            Converter.Convert(storage));
    }

    [Fact]
    public void Convert_ExpandMacro_KeepsItsTitleAndNestedList()
    {
        Assert.Equal("click here to expand\n\n- something\n  - something more", Convert("expand-macro-input.xml"));
    }

    [Fact]
    public void Convert_DetailsMacro_KeepsEveryBody()
    {
        Assert.Equal("### Ipsum dolor\n\n### There may be multiple rich texts", Convert("details-macro-input.xml"));
    }

    [Theory]
    [InlineData("toc-macro-input.xml", "Lorem ipsum")]
    [InlineData("children-macro-input.xml", "")]
    [InlineData("include-macro-input.xml", "")]
    [InlineData("jira-macro-input.xml", "ABC-3423")]
    public void Convert_UiOnlyMacros_AreDropped(string fixture, string expected)
    {
        Assert.Equal(expected, Convert(fixture));
    }

    [Fact]
    public void Convert_UnknownMacros_KeepTheirBodies()
    {
        var markdown = Convert("unhandled-macro-input.xml");

        Assert.StartsWith("lorem ipsum dolor\n\nsit amet\n\nLorem ipsum\n\n| Position | Name | Process | User? | Status |\n| --- | --- | --- | --- | --- |\n| 1 | Test 1 | Process 1 | Sysop | done |", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Dummy_3.xls", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_LayoutWithPanels_KeepsSectionsInOrder()
    {
        var markdown = Convert("layout-input.xml");

        Assert.StartsWith("> Discover our family of products. Basic product knowledge that all employees should have!\n\n## FlowChat\n\n> lorem ipsum\n\n## InsightHub", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain(":rocket:", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_PageLinks_LinkToThePagesWebUrlInTheirSpace()
    {
        var markdown = Convert("pagelinktest-input.xml");

        Assert.Contains("[Link to another Confluence Page](https://acme.atlassian.net/wiki/display/ENG/Page+Title)", markdown, StringComparison.Ordinal);
        Assert.Contains("[Page Title2](https://acme.atlassian.net/wiki/display/ENG/Page+Title2)", markdown, StringComparison.Ordinal);
        Assert.Contains("[Link to a Confluence Page in another space](https://acme.atlassian.net/wiki/display/DEVOPS/Page+Title3)", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_AttachmentLinks_KeepTheirTextOrFileName()
    {
        Assert.Equal("Link to a Confluence Attachment\n\nSomeImage1.png\n\nSomeImage2.png\n\nSomeImage3.png", Convert("attachmentlinktest-input.xml"));
    }

    [Fact]
    public void Convert_Table_BecomesAMarkdownTableWithAHeaderRow()
    {
        var lines = Convert("table-input.xml").Split('\n');

        Assert.Equal("| meta form conntent |", lines[0]);
        Assert.Equal("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |", lines[1]);
        Assert.Equal("|  | 1 | 2 | 3 |", lines[2]);
        Assert.Equal("| Total | 0 | 0 | 0 |", lines[^1]);
    }

    [Fact]
    public void Convert_TaskLists_BecomeCheckboxes()
    {
        var markdown = Convert("task-list-macro-input.xml");

        Assert.Contains("- [ ] I have another task-list :) - [ ] Body 1 - [ ] Body 2", markdown, StringComparison.Ordinal);
        Assert.EndsWith("- [x] 2024-02-22 Testaufgabe 1\n- [ ] 2024-02-12 Testaufgabe 2", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_HeadingsListsAndLinks_BecomeMarkdown()
    {
        var storage = """
            <h1>Release train</h1><p>Ship every <strong>Tuesday</strong>; see <a href="https://status.acme.test">the status page</a> and
            <ac:link><ri:url ri:value="https://ci.acme.test/builds" /><ac:plain-text-link-body><![CDATA[CI builds]]></ac:plain-text-link-body></ac:link>.</p>
            <h2>Steps</h2><ol><li>Freeze <code>main</code></li><li>Tag<ul><li>rc1</li><li>rc2</li></ul></li></ol>
            <pre>make release</pre>
            """;

        Assert.Equal(
            "# Release train\n\nShip every Tuesday; see [the status page](https://status.acme.test) and [CI builds](https://ci.acme.test/builds).\n\n"
            + "## Steps\n\n1. Freeze `main`\n2. Tag\n  - rc1\n  - rc2\n\n```\nmake release\n```",
            Converter.Convert(storage));
    }

    [Fact]
    public void Convert_MalformedXhtml_KeepsTheText()
    {
        Assert.Contains("unclosed paragraph", Converter.Convert("<p>An <b>unclosed paragraph</p>"), StringComparison.Ordinal);
    }
}
