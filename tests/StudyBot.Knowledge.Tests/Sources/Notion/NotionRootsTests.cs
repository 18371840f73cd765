using StudyBot.Knowledge.Tests.Sources.Notion.Fake;

namespace StudyBot.Knowledge.Tests.Sources.Notion;

/// <summary>PageIds and DataSourceIds: which pages a configured Notion source covers.</summary>
public sealed class NotionRootsTests : IAsyncLifetime
{
    private NotionTestBed _bed = null!;
    private string _handbook = null!;
    private string _onCall = null!;
    private string _escalation = null!;
    private string _incident = null!;
    private string _dataSource = null!;

    private FakeNotionServer Notion => _bed.Notion;

    public async Task InitializeAsync()
    {
        _bed = await NotionTestBed.StartAsync();
        // Handbook ─┬─ On-call (child page) ─ block ─ Escalation (child page inside a block, e.g. a toggle)
        //           └─ Incidents (data source) ─ row "Outage 42"
        // Lunch menu: shared, but outside the handbook.
        _handbook = Notion.AddPage("Handbook");
        Notion.SetChildren(_handbook, [FakeNotionServer.Paragraph("The handbook explains how the platform team works.")]);
        _onCall = Notion.AddPage("On-call", parentPageId: _handbook);
        var toggle = FakeNotionServer.Paragraph("Escalations");
        Notion.SetChildren(_onCall, [FakeNotionServer.Paragraph("The on-call engineer answers pages within fifteen minutes."), toggle]);
        _escalation = Notion.AddPage("Escalation", parentBlockId: (string)toggle["id"]!);
        Notion.SetChildren(_escalation, [FakeNotionServer.Paragraph("Escalate to the database owner after thirty minutes without progress.")]);
        _dataSource = Notion.AddDataSource(_handbook);
        _incident = Notion.AddPage("Outage 42", dataSourceId: _dataSource);
        Notion.SetChildren(_incident, [FakeNotionServer.Paragraph("Outage 42 was a full disk on the ingestion worker.")]);
        var lunch = Notion.AddPage("Lunch menu");
        Notion.SetChildren(lunch, [FakeNotionServer.Paragraph("Friday lunch is pizza.")]);
    }

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task Run_RootPage_IndexesItAndEveryPageBelowItButNothingElse()
    {
        var counts = await _bed.RunAsync(_bed.Source(("PageIds:0", _handbook.Replace("-", "", StringComparison.Ordinal))));

        Assert.Equal((4, 0), (counts.Added, counts.Failed));
        var documents = await _bed.Knowledge.Store.GetDocumentsAsync("wiki", CancellationToken.None);
        Assert.Equal(new[] { _handbook, _onCall, _escalation, _incident }.Order(), documents.Keys.Order());
        Assert.DoesNotContain(await _bed.SearchAsync("Friday lunch pizza"), h => h.Source == "wiki" && h.Text.Contains("pizza", StringComparison.Ordinal));
        Assert.Equal("Outage 42", (await _bed.SearchAsync("full disk ingestion worker"))[0].Title);
    }

    [Fact]
    public async Task Run_DataSource_IndexesEachRowAsAPage()
    {
        var counts = await _bed.RunAsync(_bed.Source(("DataSourceIds:0", _dataSource)));

        Assert.Equal(1, counts.Added);
        Assert.Equal(1, Notion.Count("POST", $"/v1/data_sources/{_dataSource.Replace("-", "", StringComparison.Ordinal)}/query"));
        Assert.Equal(0, Notion.Count("POST", "/v1/search"));
        Assert.Equal("Outage 42", (await _bed.SearchAsync("full disk ingestion worker"))[0].Title);
    }

    [Fact]
    public async Task Run_RootPageTrashed_RemovesItAndThePagesBelowIt()
    {
        var source = _bed.Source(("PageIds:0", "https://www.notion.so/acme/On-call-" + _onCall.Replace("-", "", StringComparison.Ordinal) + "?pvs=4"));
        Assert.Equal(2, (await _bed.RunAsync(source)).Added);
        Notion.Trash(_onCall);
        Notion.Trash(_escalation);

        var counts = await _bed.RunAsync(source);

        Assert.Equal((2, 0), (counts.Removed, counts.Failed));
        Assert.Empty(await _bed.Knowledge.Store.GetDocumentsAsync("wiki", CancellationToken.None));
    }

    [Fact]
    public async Task Run_RootPageNoLongerShared_RemovesIt()
    {
        var source = _bed.Source(("PageIds:0", _escalation));
        Assert.Equal(1, (await _bed.RunAsync(source)).Added);
        Notion.Unshare(_escalation);

        var counts = await _bed.RunAsync(source);

        Assert.Equal((1, 0), (counts.Removed, counts.Failed));
    }
}
