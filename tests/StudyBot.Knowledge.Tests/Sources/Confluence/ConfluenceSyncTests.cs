using StudyBot.Knowledge.Sources.Confluence;

namespace StudyBot.Knowledge.Tests.Sources.Confluence;

/// <summary>Incremental sync against both flavours: listing, title paths, versions, removals and credentials.</summary>
public sealed class ConfluenceSyncTests
{
    private static bool IsListing(FakeConfluenceRequest request) =>
        request.Path.EndsWith("/api/v2/pages", StringComparison.Ordinal) || request.Path.EndsWith("/rest/api/content", StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(ConfluenceTestBed.Flavors), MemberType = typeof(ConfluenceTestBed))]
    public async Task Sync_FirstRun_IndexesEveryPageUnderItsTitlePathWithItsWebUrl(ConfluenceFlavor flavor)
    {
        await using var bed = await ConfluenceTestBed.HandbookAsync(flavor, maxLimit: 2);

        var counts = await bed.RunAsync();

        Assert.Equal((5, 0), (counts.Added, counts.Failed));
        // Five pages at most two per response: Cloud pages all spaces in one listing, Data Center per space (2 + 1).
        Assert.Equal(3, bed.Fake.Requests.Count(IsListing));
        var hit = (await bed.SearchAsync("blue green switch rollback"))[0];
        Assert.Equal("102", hit.DocumentId);
        Assert.Equal("Deploying services", hit.Title);
        Assert.Equal(["Engineering Handbook", "Onboarding", "Deploying services", "Rollback"], hit.HeadingPath);
        var webui = flavor == ConfluenceFlavor.Cloud ? "/spaces/ENG/pages/102/Deploying+services" : "/display/ENG/Deploying+services";
        Assert.Equal(bed.Fake.BaseUrl + webui, hit.Link);
    }

    [Theory]
    [MemberData(nameof(ConfluenceTestBed.Flavors), MemberType = typeof(ConfluenceTestBed))]
    public async Task Sync_Unchanged_FetchesOnlyTheListings(ConfluenceFlavor flavor)
    {
        await using var bed = await ConfluenceTestBed.HandbookAsync(flavor, maxLimit: 2);
        await bed.RunAsync();
        bed.Fake.ClearRequests();

        var counts = await bed.RunAsync();

        Assert.Equal((0, 0, 5), (counts.Added, counts.Updated, counts.Unchanged));
        Assert.Empty(bed.ContentFetches());
        // Cloud: one space lookup and three page listings; Data Center: three content listings.
        Assert.Equal(flavor == ConfluenceFlavor.Cloud ? 4 : 3, bed.Fake.Requests.Count);
    }

    [Theory]
    [MemberData(nameof(ConfluenceTestBed.Flavors), MemberType = typeof(ConfluenceTestBed))]
    public async Task Sync_EditedPage_IsFetchedAndReindexedAlone(ConfluenceFlavor flavor)
    {
        await using var bed = await ConfluenceTestBed.HandbookAsync(flavor, maxLimit: 2);
        await bed.RunAsync();
        bed.Fake.Find("101")!.Edit("<h1>First week</h1><p>Collect your hardware token from the security desk on Monday.</p>");
        bed.Fake.ClearRequests();

        var counts = await bed.RunAsync();

        Assert.Equal((1, 4), (counts.Updated, counts.Unchanged));
        Assert.Single(bed.ContentFetches());
        Assert.Equal("101", (await bed.SearchAsync("hardware token security desk"))[0].DocumentId);
        Assert.DoesNotContain(await bed.SearchAsync("laptop provisioning IT portal"), h => h.Text.Contains("laptop provisioning", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ConfluenceTestBed.Flavors), MemberType = typeof(ConfluenceTestBed))]
    public async Task Sync_DeletedAndTrashedPages_AreRemoved(ConfluenceFlavor flavor)
    {
        await using var bed = await ConfluenceTestBed.HandbookAsync(flavor, maxLimit: 2);
        await bed.RunAsync();
        bed.Fake.Delete("103");
        bed.Fake.Find("104")!.Status = "trashed";

        var counts = await bed.RunAsync();

        Assert.Equal(2, counts.Removed);
        Assert.Equal(3, await bed.DocumentCountAsync());
        Assert.DoesNotContain(await bed.SearchAsync("promote the replica fencing"), h => h.DocumentId is "103" or "104");
    }

    [Theory]
    [MemberData(nameof(ConfluenceTestBed.Flavors), MemberType = typeof(ConfluenceTestBed))]
    public async Task Sync_SendsTheFlavoursCredentials(ConfluenceFlavor flavor)
    {
        await using var bed = await ConfluenceTestBed.HandbookAsync(flavor, maxLimit: 2);

        await bed.RunAsync();

        var expected = flavor == ConfluenceFlavor.Cloud
            ? "Basic " + Convert.ToBase64String("ada@example.com:ATATT-fake-cloud-token"u8.ToArray())
            : "Bearer " + FakeConfluence.PersonalAccessToken;
        Assert.All(bed.Fake.Requests, r => Assert.Equal(expected, r.Authorization));
    }

    [Theory]
    [MemberData(nameof(ConfluenceTestBed.Flavors), MemberType = typeof(ConfluenceTestBed))]
    public async Task Sync_RevokedCredentials_FailsTheRunWithTheKeyToCheckAndKeepsTheIndex(ConfluenceFlavor flavor)
    {
        await using var bed = await ConfluenceTestBed.HandbookAsync(flavor, maxLimit: 2);
        await bed.RunAsync();
        bed.Fake.CredentialsRevoked = true;

        var counts = await bed.RunAsync();

        var run = bed.Knowledge.LastResult!;
        Assert.Equal((0, 0), (counts.Removed, counts.Updated));
        Assert.False(run.Succeeded);
        Assert.Contains("401", run.Failure, StringComparison.Ordinal);
        Assert.Contains(flavor == ConfluenceFlavor.Cloud ? "ApiToken" : "PersonalAccessToken", run.Failure, StringComparison.Ordinal);
        Assert.Equal(5, await bed.DocumentCountAsync());
        Assert.Equal("102", (await bed.SearchAsync("blue green switch rollback"))[0].DocumentId);
    }
}
