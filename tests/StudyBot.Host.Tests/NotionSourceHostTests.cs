using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StudyBot.Knowledge.Tests.Sources.Notion.Fake;
using StudyBot.Tests;

namespace StudyBot.Host.Tests;

/// <summary>A Notion source configured through StudyBot:Sources:wiki:* in the real host, against the fake Notion API.</summary>
public sealed class NotionSourceHostTests : IAsyncLifetime
{
    private readonly TempFolder _data = new();
    private readonly TempFolder _corpus = new();
    private FakeNotionServer _notion = null!;
    private StudyBotHost _host = null!;
    private string _rollouts = null!;
    private string _broken = null!;

    public async Task InitializeAsync()
    {
        _corpus.Write("welcome.md", "# Welcome\n\nThe platform team owns the deployment pipeline.");
        _notion = await FakeNotionServer.StartAsync();
        _rollouts = _notion.AddPage("Rollout playbook");
        _notion.SetChildren(_rollouts, [FakeNotionServer.Heading(2, "Pausing"), FakeNotionServer.Paragraph("A Kubernetes rollout pauses when the readiness probe keeps failing.")]);
        _broken = _notion.AddPage("Capacity plan");
        _notion.SetChildren(_broken, [FakeNotionServer.Paragraph("The capacity plan adds two GPU nodes each quarter.")]);
        _notion.Enqueue("GET", $"/v1/blocks/{_broken}/children", FakeNotionResponse.Malformed());
        _host = new StudyBotHost(_data.Path, _corpus.Path, new Dictionary<string, string?>
        {
            ["StudyBot:Sources:wiki:Type"] = "Notion",
            ["StudyBot:Sources:wiki:BaseUrl"] = _notion.BaseUrl,
            ["StudyBot:Sources:wiki:Token"] = FakeNotionServer.Token,
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _notion.DisposeAsync();
        _data.Dispose();
        _corpus.Dispose();
    }

    [Fact]
    public async Task Host_NotionSource_AnswersWithThePageUrlAndReportsItsHealth()
    {
        using var admin = _host.CreateAdminClient();
        var status = await StudyBotHost.WaitForIngestionAsync(admin);

        var wiki = StudyBotHost.Source(status, "wiki");
        Assert.Equal(("Notion", 1), (wiki.GetProperty("type").GetString(), wiki.GetProperty("documents").GetInt32()));
        Assert.NotEqual(JsonValueKind.Null, wiki.GetProperty("lastSucceeded").ValueKind);
        Assert.Equal(_broken, wiki.GetProperty("lastError").GetProperty("document").GetString());
        var answer = await (await admin.PostAsJsonAsync("/api/ask", new { question = "When does a Kubernetes rollout pause?", sources = new[] { "wiki" } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var citation = answer.GetProperty("citations")[0];
        Assert.Equal("Rollout playbook", citation.GetProperty("title").GetString());
        Assert.Equal("https://app.notion.com/p/" + _rollouts.Replace("-", "", StringComparison.Ordinal), citation.GetProperty("url").GetString());

        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync("/api/admin/sources/wiki/reindex", null)).StatusCode);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var lastRun = default(JsonElement);
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            wiki = StudyBotHost.Source(await admin.GetFromJsonAsync<JsonElement>("/api/status"), "wiki");
            lastRun = wiki.GetProperty("lastRun");
            if (lastRun.GetProperty("added").GetInt32() == 1 && wiki.GetProperty("state").GetString() == "idle")
            {
                break;
            }
        }

        // The second run reads only the page that failed; the other is skipped as unchanged.
        Assert.Equal((1, 1, 0), (lastRun.GetProperty("added").GetInt32(), lastRun.GetProperty("unchanged").GetInt32(), lastRun.GetProperty("failed").GetInt32()));
        Assert.Equal(2, wiki.GetProperty("documents").GetInt32());
        Assert.Equal(_broken, wiki.GetProperty("lastError").GetProperty("document").GetString());
    }
}
