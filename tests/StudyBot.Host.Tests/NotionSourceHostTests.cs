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
    public async Task Ask_DuringTheFirstIngestion_AnswersFromWhatIsIndexedOrSaysItIsStillIndexing()
    {
        var release = _notion.Hold("GET", $"/v1/blocks/{_rollouts}/children");
        using var client = _host.CreateClient();
        await WaitForWikiAsync(client, wiki => wiki.GetProperty("state").GetString() == "running" && wiki.GetProperty("progressDone").GetInt32() == 1);

        var indexed = await client.PostAsJsonAsync("/api/ask", new { question = "Who owns the deployment pipeline?" });
        var pending = await client.PostAsJsonAsync("/api/ask", new { question = "When does a Kubernetes rollout pause?", sources = new[] { "wiki" } });
        var chat = await (await client.PostAsJsonAsync("/api/chat", new { text = "When does a Kubernetes rollout pause?" })).Content.ReadFromJsonAsync<JsonElement>();
        release();
        await StudyBotHost.WaitForIngestionAsync(client);
        var later = await (await client.PostAsJsonAsync("/api/ask", new { question = "When does a Kubernetes rollout pause?" })).Content.ReadFromJsonAsync<JsonElement>();
        var absent = await (await client.PostAsJsonAsync("/api/ask", new { question = "Who won the 1998 football world cup?" })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.True((await indexed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("found").GetBoolean());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, pending.StatusCode);
        Assert.True(pending.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Contains("still indexing the knowledge base (1 of 2 documents)", await pending.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("notice", chat.GetProperty("type").GetString());
        Assert.Contains("still indexing", chat.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("Rollout playbook", later.GetProperty("citations")[0].GetProperty("title").GetString());
        Assert.False(absent.GetProperty("found").GetBoolean());
        Assert.Contains("couldn't find anything", absent.GetProperty("answer").GetString(), StringComparison.Ordinal);
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
        var firstRun = wiki.GetProperty("lastFinished").GetString();
        wiki = await WaitForWikiAsync(admin, w => w.GetProperty("lastFinished").GetString() != firstRun && w.GetProperty("state").GetString() == "idle");
        var lastRun = wiki.GetProperty("lastRun");

        // The second run reads only the page that failed; the other is skipped as unchanged.
        Assert.Equal((1, 1, 0), (lastRun.GetProperty("added").GetInt32(), lastRun.GetProperty("unchanged").GetInt32(), lastRun.GetProperty("failed").GetInt32()));
        Assert.Equal(2, wiki.GetProperty("documents").GetInt32());
        Assert.Equal(_broken, wiki.GetProperty("lastError").GetProperty("document").GetString());
    }

    private static async Task<JsonElement> WaitForWikiAsync(HttpClient client, Func<JsonElement, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var wiki = StudyBotHost.Source(await client.GetFromJsonAsync<JsonElement>("/api/status"), "wiki");
            if (condition(wiki))
            {
                return wiki;
            }

            Assert.True(DateTime.UtcNow < deadline, "wiki never reached the state: " + wiki);
            await Task.Delay(50);
        }
    }
}
