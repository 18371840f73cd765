using StudyBot.Knowledge.Tests.Sources.Notion.Fake;

namespace StudyBot.Knowledge.Tests.Sources.Notion;

/// <summary>Incremental sync of a Notion workspace through the real pipeline: what gets read, re-read, removed and reported.</summary>
public sealed class NotionSyncTests : IAsyncLifetime
{
    private NotionTestBed _bed = null!;
    private string _lora = null!;
    private string _hnsw = null!;

    private FakeNotionServer Notion => _bed.Notion;

    public async Task InitializeAsync()
    {
        _bed = await NotionTestBed.StartAsync();
        _lora = Notion.AddPage("LoRA notes");
        Notion.SetChildren(_lora, [FakeNotionServer.Heading(2, "Adapters"), FakeNotionServer.Paragraph("LoRA trains two low-rank matrices beside each frozen weight matrix.")]);
        _hnsw = Notion.AddPage("HNSW notes");
        Notion.SetChildren(_hnsw, [FakeNotionServer.Paragraph("HNSW is a graph index for approximate nearest neighbour search.")]);
        var kubeflow = Notion.AddPage("Kubeflow notes");
        Notion.SetChildren(kubeflow, [FakeNotionServer.Paragraph("Kubeflow Pipelines compiles Python functions into container steps.")]);
    }

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task Run_SharedWorkspace_IndexesEveryPageWithItsTitleAndUrlFollowingEveryCursor()
    {
        Notion.MaxPageSize = 2;
        Notion.SetChildren(_hnsw, [.. Enumerable.Range(0, 5).Select(i => FakeNotionServer.Paragraph($"HNSW layer {i} links each node to its nearest neighbours."))]);

        var counts = await _bed.RunAsync(_bed.Source());

        Assert.Equal((3, 0), (counts.Added, counts.Failed));
        Assert.Equal(2, Notion.Count("POST", "/v1/search"));
        Assert.Equal(3, Notion.Count("GET", $"/v1/blocks/{_hnsw}/children"));
        var hit = (await _bed.SearchAsync("LoRA low-rank matrices frozen weight"))[0];
        Assert.Equal(("wiki", "LoRA notes", "https://app.notion.com/p/" + _lora.Replace("-", "", StringComparison.Ordinal)), (hit.Source, hit.Title, hit.Link));
        Assert.Equal("Adapters", Assert.Single(hit.HeadingPath));
        Assert.Contains("layer 4", (await _bed.SearchAsync("HNSW layer 4 nearest neighbours"))[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NothingEdited_ReadsOnlyTheListing()
    {
        var source = _bed.Source();
        await _bed.RunAsync(source);
        Notion.ClearRequests();

        var counts = await _bed.RunAsync(source);

        Assert.Equal((0, 0, 3), (counts.Added, counts.Updated, counts.Unchanged));
        Assert.Equal("POST /v1/search", Assert.Single(Notion.Requests));
    }

    [Fact]
    public async Task Run_EditedPage_IsReadAgainAndReplacesItsOldText()
    {
        var source = _bed.Source();
        await _bed.RunAsync(source);
        Notion.ClearRequests();
        Notion.Edit(_lora, FakeNotionServer.Epoch.AddHours(1), FakeNotionServer.Paragraph("LoRA adapters are merged into the weights after training with rank sixteen."));

        var counts = await _bed.RunAsync(source);

        Assert.Equal((1, 2), (counts.Updated, counts.Unchanged));
        Assert.Equal(1, Notion.Count("GET", "/v1/blocks/"));
        Assert.Contains("rank sixteen", (await _bed.SearchAsync("LoRA merged rank sixteen"))[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(await _bed.SearchAsync("LoRA low-rank matrices frozen weight"), h => h.Text.Contains("frozen", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_PageEditedThisMinute_IsReadAgainUntilItsEditTimeSettles()
    {
        // Notion's last_edited_time has minute precision: a second edit within the minute keeps the same time.
        Notion.Edit(_lora, DateTimeOffset.UtcNow, FakeNotionServer.Paragraph("LoRA adapters are merged into the weights after training."));
        var source = _bed.Source();
        await _bed.RunAsync(source);
        Notion.Edit(_lora, DateTimeOffset.UtcNow, FakeNotionServer.Paragraph("LoRA adapters use rank sixteen on every attention projection."));
        Notion.ClearRequests();

        var counts = await _bed.RunAsync(source);

        Assert.Equal((1, 2), (counts.Updated, counts.Unchanged));
        Assert.Equal(1, Notion.Count("GET", $"/v1/blocks/{_lora}/children"));
        Assert.Contains("every attention projection", (await _bed.SearchAsync("LoRA rank sixteen attention projection"))[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_TrashedPage_IsRemovedFromTheIndex()
    {
        var source = _bed.Source();
        await _bed.RunAsync(source);
        Notion.Trash(_hnsw);

        var counts = await _bed.RunAsync(source);

        Assert.Equal(1, counts.Removed);
        Assert.DoesNotContain(await _bed.SearchAsync("HNSW graph nearest neighbour"), h => h.DocumentId == _hnsw);
        Assert.Equal(2, (await _bed.Knowledge.Store.CountAsync("wiki", CancellationToken.None)).Documents);
    }

    [Fact]
    public async Task Run_RateLimited_WaitsForRetryAfterAndIndexesThePage()
    {
        Notion.Enqueue("GET", $"/v1/blocks/{_lora}/children", FakeNotionResponse.RateLimited());

        var counts = await _bed.RunAsync(_bed.Source());

        Assert.Equal((3, 0), (counts.Added, counts.Failed));
        Assert.Equal(2, Notion.Count("GET", $"/v1/blocks/{_lora}/children"));
    }

    [Fact]
    public async Task Run_ServerErrorThenSuccess_RetriesAndIndexesThePage()
    {
        Notion.Enqueue("POST", "/v1/search", FakeNotionResponse.ServerError());

        var counts = await _bed.RunAsync(_bed.Source());

        Assert.Equal((3, 0), (counts.Added, counts.Failed));
        Assert.Equal(2, Notion.Count("POST", "/v1/search"));
    }

    [Fact]
    public async Task Run_MalformedPage_IsReportedWhileTheRestIsIndexedAndItsOldVersionServes()
    {
        var source = _bed.Source();
        await _bed.RunAsync(source);
        Notion.Edit(_lora, FakeNotionServer.Epoch.AddHours(1), FakeNotionServer.Paragraph("LoRA adapters are merged into the weights after training with rank sixteen."));
        Notion.Edit(_hnsw, FakeNotionServer.Epoch.AddHours(1), FakeNotionServer.Paragraph("HNSW builds a hierarchy of proximity graphs with skip-list layers."));
        Notion.Enqueue("GET", $"/v1/blocks/{_lora}/children", FakeNotionResponse.Malformed());

        var counts = await _bed.RunAsync(source);

        Assert.Equal((1, 1), (counts.Updated, counts.Failed));
        var error = Assert.Single(_bed.Knowledge.LastResult!.Errors);
        Assert.Equal(_lora, error.Document);
        Assert.Contains("not valid JSON", error.Error, StringComparison.Ordinal);
        Assert.Contains("frozen weight", (await _bed.SearchAsync("LoRA low-rank matrices frozen weight"))[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(await _bed.SearchAsync("LoRA merged rank sixteen"), h => h.Text.Contains("sixteen", StringComparison.Ordinal));
        Assert.Contains("skip-list", (await _bed.SearchAsync("HNSW hierarchy proximity graphs skip-list"))[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MalformedPage_IsReadAgainOnTheNextRun()
    {
        var source = _bed.Source();
        Notion.Enqueue("GET", $"/v1/blocks/{_lora}/children", FakeNotionResponse.Malformed());
        Assert.Equal(1, (await _bed.RunAsync(source)).Failed);

        var counts = await _bed.RunAsync(source);

        Assert.Equal((1, 0, 2), (counts.Added, counts.Failed, counts.Unchanged));
        Assert.Equal(_lora, (await _bed.SearchAsync("LoRA low-rank matrices frozen weight"))[0].DocumentId);
    }

    [Fact]
    public async Task Run_WrongToken_FailsTheRunWithNotionsReasonAndKeepsTheIndex()
    {
        await _bed.RunAsync(_bed.Source());

        var counts = await _bed.RunAsync(_bed.Source(("Token", "ntn_revoked")));

        Assert.Equal(0, counts.Removed);
        var run = _bed.Knowledge.LastResult!;
        Assert.False(run.Succeeded);
        Assert.Contains("401 unauthorized: API token is invalid.", run.Failure, StringComparison.Ordinal);
        Assert.Equal(3, (await _bed.Knowledge.Store.CountAsync("wiki", CancellationToken.None)).Documents);
    }
}
