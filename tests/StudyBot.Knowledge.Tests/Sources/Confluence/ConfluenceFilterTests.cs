using StudyBot.Knowledge.Sources.Confluence;
using StudyBot.Tests;

namespace StudyBot.Knowledge.Tests.Sources.Confluence;

/// <summary>CQL and label filters, and PDF attachments through the PDF reader.</summary>
public sealed class ConfluenceFilterTests
{
    [Theory]
    [MemberData(nameof(ConfluenceTestBed.Flavors), MemberType = typeof(ConfluenceTestBed))]
    public async Task Sync_LabelsAndCql_IndexOnlyTheMatchingPagesThroughCqlSearch(ConfluenceFlavor flavor)
    {
        await using var bed = await ConfluenceTestBed.StartAsync(flavor, new Dictionary<string, string?>
        {
            ["Labels:0"] = "runbook",
            ["Cql"] = "lastmodified >= \"2024-01-01\"",
        });
        bed.Fake.MaxLimit = 1;
        bed.Fake.AddHandbook();
        bed.Fake.Find("101")!.Labels = ["runbook"];

        var counts = await bed.RunAsync();

        // 103 carries the label but was last modified in 2023; 100 and 102 have no label.
        Assert.Equal(2, counts.Added);
        Assert.Equal(["101", "104"], (await bed.Knowledge.Store.GetDocumentsAsync(ConfluenceTestBed.SourceName, CancellationToken.None)).Keys.Order());
        var searches = bed.Fake.Requests.Where(r => r.Path.EndsWith("/rest/api/content/search", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, searches.Count);
        Assert.Contains("type = page AND space in (\"ENG\",\"OPS\") AND label in (\"runbook\") AND (lastmodified >= \"2024-01-01\")",
            Uri.UnescapeDataString(searches[0].Query), StringComparison.Ordinal);
        Assert.Equal(["Engineering Handbook", "Onboarding", "First week"], (await bed.SearchAsync("laptop provisioning IT portal"))[0].HeadingPath);
    }

    [Theory]
    [MemberData(nameof(ConfluenceTestBed.Flavors), MemberType = typeof(ConfluenceTestBed))]
    public async Task Sync_PdfAttachments_AreIndexedPageByPageWhenAskedFor(ConfluenceFlavor flavor)
    {
        await using var bed = await ConfluenceTestBed.StartAsync(flavor, new Dictionary<string, string?> { ["IncludePdfAttachments"] = "true" });
        bed.Fake.AddHandbook();
        var pdf = File.ReadAllBytes(TestPaths.Fixture("pdf", "llm-papers", "chain-of-thought_arxiv-2201.11903_page1.pdf"));
        bed.Fake.AddAttachment("9001", "102", "chain-of-thought.pdf", pdf);
        bed.Fake.AddAttachment("9002", "102", "architecture.png", [0x89, 0x50, 0x4E, 0x47], "image/png");

        var counts = await bed.RunAsync();
        bed.Fake.ClearRequests();
        var again = await bed.RunAsync();

        Assert.Equal((6, 0), (counts.Added, counts.Failed));
        var hit = (await bed.SearchAsync("chain of thought prompting elicits reasoning"))[0];
        Assert.Equal("attachment/9001", hit.DocumentId);
        Assert.Equal(1, hit.Page);
        Assert.StartsWith(bed.Fake.BaseUrl + "/pages/viewpageattachments.action?pageId=102", hit.Link, StringComparison.Ordinal);
        Assert.Equal(6, again.Unchanged);
        Assert.Empty(bed.ContentFetches());
    }
}
