using StudyBot.Knowledge.Sources.Confluence;

namespace StudyBot.Knowledge.Tests.Sources.Confluence;

/// <summary>Rate limits, server errors and malformed payloads: retried where transient, reported where not, the index never half-updated.</summary>
public sealed class ConfluenceFailureTests
{
    private static string ListingPath(FakeConfluence fake) =>
        fake.Context + (fake.Flavor == ConfluenceFlavor.Cloud ? "/api/v2/pages" : "/rest/api/content");

    private static string PagePath(FakeConfluence fake, string id) =>
        fake.Context + (fake.Flavor == ConfluenceFlavor.Cloud ? "/api/v2/pages/" : "/rest/api/content/") + id;

    [Theory]
    [MemberData(nameof(ConfluenceTestBed.Flavors), MemberType = typeof(ConfluenceTestBed))]
    public async Task Sync_RateLimitedListing_WaitsForRetryAfterAndCompletes(ConfluenceFlavor flavor)
    {
        await using var bed = await ConfluenceTestBed.HandbookAsync(flavor);
        var listing = ListingPath(bed.Fake);
        bed.Fake.Script(listing, FakeResponse.Json(429, """{"message":"Rate limit exceeded"}""", new Dictionary<string, string> { ["Retry-After"] = "1" }));

        var counts = await bed.RunAsync();

        Assert.Equal((5, 0), (counts.Added, counts.Failed));
        var first = bed.Fake.Requests.Select((r, i) => (r, i)).Where(x => x.r.Path == listing).Take(2).Select(x => x.i).ToList();
        Assert.Equal(2, first.Count);
        Assert.Equal(first[0] + 1, first[1]);
    }

    [Theory]
    [MemberData(nameof(ConfluenceTestBed.Flavors), MemberType = typeof(ConfluenceTestBed))]
    public async Task Sync_ServerErrorThenSuccess_IndexesThePage(ConfluenceFlavor flavor)
    {
        await using var bed = await ConfluenceTestBed.HandbookAsync(flavor);
        var page = PagePath(bed.Fake, "102");
        bed.Fake.Script(page, FakeResponse.Json(500, """{"statusCode":500,"message":"Internal server error"}"""));

        var counts = await bed.RunAsync();

        Assert.Equal((5, 0), (counts.Added, counts.Failed));
        Assert.Equal(2, bed.Fake.Requests.Count(r => r.Path == page));
        Assert.Equal("102", (await bed.SearchAsync("blue green switch rollback"))[0].DocumentId);
    }

    [Theory]
    [MemberData(nameof(ConfluenceTestBed.Flavors), MemberType = typeof(ConfluenceTestBed))]
    public async Task Sync_MalformedPage_IsReportedWhileTheRestIsIndexedAndItsPreviousVersionServes(ConfluenceFlavor flavor)
    {
        await using var bed = await ConfluenceTestBed.HandbookAsync(flavor);
        await bed.RunAsync();
        bed.Fake.Find("102")!.Edit("<p>Deploys now go through the canary controller.</p>");
        bed.Fake.Find("101")!.Edit("<p>Collect your hardware token from the security desk.</p>");
        bed.Fake.Script(PagePath(bed.Fake, "102"), FakeResponse.Json(200, """{"id":"102","type":"page","title":"Deploying services","body":{"storage":{"value":"<p>trunc"""));

        var counts = await bed.RunAsync();

        Assert.Equal((1, 1), (counts.Updated, counts.Failed));
        var error = Assert.Single(bed.Knowledge.LastResult!.Errors);
        Assert.Equal("102", error.Document);
        Assert.Contains("malformed JSON", error.Error, StringComparison.Ordinal);
        Assert.Equal("102", (await bed.SearchAsync("blue green switch rollback"))[0].DocumentId);
        Assert.DoesNotContain(await bed.SearchAsync("canary controller"), h => h.Text.Contains("canary", StringComparison.Ordinal));
        Assert.Equal("101", (await bed.SearchAsync("hardware token security desk"))[0].DocumentId);

        var retried = await bed.RunAsync();

        Assert.Equal((1, 0), (retried.Updated, retried.Failed));
        Assert.Contains(await bed.SearchAsync("canary controller"), h => h.DocumentId == "102");
    }

    [Theory]
    [MemberData(nameof(ConfluenceTestBed.Flavors), MemberType = typeof(ConfluenceTestBed))]
    public async Task Sync_MalformedListing_FailsTheRunAndRemovesNothing(ConfluenceFlavor flavor)
    {
        await using var bed = await ConfluenceTestBed.HandbookAsync(flavor);
        await bed.RunAsync();
        bed.Fake.Delete("104");
        bed.Fake.Script(ListingPath(bed.Fake), FakeResponse.Json(200, """{"results":[{"id":"100","""));

        var counts = await bed.RunAsync();

        var run = bed.Knowledge.LastResult!;
        Assert.Equal(0, counts.Removed);
        Assert.False(run.Succeeded);
        Assert.Contains("malformed JSON", run.Failure, StringComparison.Ordinal);
        Assert.Equal(5, await bed.DocumentCountAsync());
    }
}
