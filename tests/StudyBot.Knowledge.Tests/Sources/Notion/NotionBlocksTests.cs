using StudyBot.Knowledge.Sources;
using StudyBot.Tests;

namespace StudyBot.Knowledge.Tests.Sources.Notion;

/// <summary>A Notion page holding every block type StudyBot converts: the recorded blocks of the fixtures plus the added ones.</summary>
public sealed class BlockGallery : IAsyncLifetime
{
    private const string FixturePageId = "7ed3a6ee-bb5e-4cdf-a944-33684d7c56bf";
    private const string TableId = "7240b818-6410-45ee-aaac-9213610ee49b";

    internal NotionTestBed Bed { get; private set; } = null!;

    /// <summary>The page as the source loads it (read once: a whole tree costs some seconds at three requests per second).</summary>
    public string Markdown { get; private set; } = "";

    public string Title { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Bed = await NotionTestBed.StartAsync();
        var page = Bed.Notion.AddPage("Block gallery");
        Bed.Notion.LoadChildren(page, File.ReadAllText(TestPaths.Fixture("notion", "blocks", "blocks_children.rich.DERIVED.json")));
        Bed.Notion.LoadChildren(TableId, File.ReadAllText(TestPaths.Fixture("notion", "blocks", "table_children.table_rows.DERIVED.json")));
        var more = Path.Combine(TestPaths.RepositoryRoot, "tests", "StudyBot.Knowledge.Tests", "Sources", "Notion", "Fixtures", "blocks_children.more.json");
        Bed.Notion.LoadChildren(page, File.ReadAllText(more).Replace(FixturePageId, page, StringComparison.Ordinal));

        var source = Bed.Source();
        var items = new List<SourceItem>();
        await foreach (var item in source.ListAsync(CancellationToken.None))
        {
            items.Add(item);
        }

        var document = await source.LoadAsync(Assert.Single(items), CancellationToken.None);
        Title = document.Title;
        Markdown = Assert.Single(document.Parts).Markdown;
    }

    public async Task DisposeAsync() => await Bed.DisposeAsync();
}

public sealed class NotionBlocksTests(BlockGallery gallery) : IClassFixture<BlockGallery>
{
    [Theory]
    [InlineData("heading", "## Audio\n")]
    [InlineData("heading 1", "\n# Toggleable Heading1\n")]
    [InlineData("heading 3", "### Heading 3\n")]
    [InlineData("bulleted list", "- hoge\n")]
    [InlineData("numbered list", "1. hoge\n\n2. fuga\n\n3. piyo\n")]
    [InlineData("to-do", "- [ ] To do\n\n- [x] Done\n")]
    [InlineData("code with language and caption", "```typescript\nconsole.log(\"Hello World!\")\n```\n\nThis is code block.\n")]
    [InlineData("quote", "> Quote block\n")]
    [InlineData("callout with its icon", "> 💡 This is callout block\n")]
    [InlineData("table with header row", "| column1 | column2 | column3 |\n| --- | --- | --- |\n")]
    [InlineData("bold", "**Bold**")]
    [InlineData("inline code", "`inline code`")]
    [InlineData("link in rich text", "[https://example.com](https://example.com/)")]
    [InlineData("bold link", "[**retrieval guide**](https://example.org/retrieval)")]
    [InlineData("inline equation", "$E = mc^2$")]
    [InlineData("block equation", "$$\n\\sum_{i=1}^{n} x_i\n$$\n")]
    [InlineData("bookmark", "[Notion API reference](https://developers.notion.com/reference/intro)")]
    [InlineData("columns", "Left column: embeddings are normalised before indexing.\n\nRight column: the reranker sees the top fifty chunks.\n")]
    [InlineData("toggle with a nested list and to-do", "How do I rotate the token?\n\n- Open the integration settings\n\n  - [x] Copy the new secret into the vault\n")]
    [InlineData("child page as a link", "[Runbook](https://www.notion.so/5e1d0c2a000040008000")]
    [InlineData("divider", "\n---\n")]
    public void Load_EveryBlockType_BecomesMarkdown(string what, string expected) =>
        Assert.True(gallery.Markdown.Contains(expected, StringComparison.Ordinal), $"{what}: '{expected}' not in\n{gallery.Markdown}");

    [Fact]
    public void Load_Page_TakesItsTitleFromTheTitleProperty() => Assert.Equal("Block gallery", gallery.Title);

    [Fact]
    public void Load_SyncedBlock_ShowsTheOriginalsContentAtBothPlacesAndDropsTrashedBlocks()
    {
        Assert.Equal(2, gallery.Markdown.Split("Synced note: the on-call rota changes every Monday.").Length - 1);
        Assert.DoesNotContain("This paragraph was deleted.", gallery.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NestedBlocks_AreSearchableUnderTheirNotionHeadings()
    {
        await gallery.Bed.RunAsync(gallery.Bed.Source());

        var hit = (await gallery.Bed.SearchAsync("reranker top fifty chunks"))[0];

        Assert.Equal("Block gallery", hit.Title);
        Assert.Equal("Extra block types", hit.HeadingPath[^1]);
    }
}
