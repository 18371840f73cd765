using StudyBot.Core.Retrieval;
using StudyBot.Knowledge.Sources.Files;
using StudyBot.Tests;

namespace StudyBot.Knowledge.Tests.Sources.Files;

/// <summary>A Notion "Markdown &amp; CSV" export unpacked into a Files source: pages keep their titles, not the export's file names.</summary>
public sealed class NotionExportTests : IDisposable
{
    private readonly KnowledgeTestBed _bed = new();
    private readonly TempFolder _export = new();

    public NotionExportTests()
    {
        // The layout Notion writes: "<title> <32-hex page id>.md", sub-pages in a folder of the same name,
        // databases as a CSV beside a folder of row pages; PDFs attached to a page keep their own names.
        _export.Write("Handbook 1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6.md",
            "# Handbook\n\nThe handbook explains how the platform team works.\n\n[On-call](Handbook%201a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6/On-call%2007c1f2e3d4c5b6a7980f1e2d3c4b5a69.md)\n");
        _export.Write("Handbook 1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6/On-call 07c1f2e3d4c5b6a7980f1e2d3c4b5a69.md",
            "# On-call\n\n## Paging\n\nThe on-call engineer answers pages within fifteen minutes.\n");
        _export.Write("Handbook 1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6/Incidents 9f8e7d6c5b4a39281706f5e4d3c2b1a0.csv", "Name,Status\nOutage 42,Closed\n");
        _export.Write("Handbook 1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6/Incidents 9f8e7d6c5b4a39281706f5e4d3c2b1a0/Outage 42 5a4b3c2d1e0f49a8b7c6d5e4f3a2b1c0.md",
            "# Outage 42\n\nStatus: Closed\n\nA full disk on the ingestion worker stopped every import.\n");
        _export.Write("Archive-0f1e2d3c4b5a69788796a5b4c3d2e1f0.txt", "Old notes about the legacy cron host and its nightly backups.\n");
    }

    public void Dispose()
    {
        _bed.Dispose();
        _export.Dispose();
    }

    [Theory]
    [InlineData("on-call engineer answers pages fifteen minutes", "On-call")]
    [InlineData("full disk ingestion worker stopped imports", "Outage 42")]
    [InlineData("legacy cron host nightly backups", "Archive")]
    public async Task Run_NotionExport_CitesPagesByTheirTitles(string question, string title)
    {
        var counts = await _bed.RunAsync(new FilesSource("export", _export.Path));

        Assert.Equal((4, 0), (counts.Added, counts.Failed));
        var hit = (await _bed.Retriever.SearchAsync(new KnowledgeQuery(question, 1), CancellationToken.None))[0];
        Assert.Equal(title, hit.Title);
    }

    [Theory]
    [InlineData("Handbook 1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6.md", "Handbook")]
    [InlineData("Release-notes-0f1e2d3c4b5a69788796a5b4c3d2e1f0.md", "Release notes")]
    [InlineData("quarterly_review.md", "quarterly review")]
    [InlineData("sha 0f1e2d3c4b5a69788796a5b4c3d2e1f.md", "sha 0f1e2d3c4b5a69788796a5b4c3d2e1f")]
    public void TitleOf_FileName_DropsOnlyANotionPageId(string fileName, string title) =>
        Assert.Equal(title, ExportNames.TitleOf(fileName));
}
