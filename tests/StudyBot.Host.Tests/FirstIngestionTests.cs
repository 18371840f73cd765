using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StudyBot.Knowledge.Tests.Sources.Notion.Fake;
using StudyBot.Tests;

namespace StudyBot.Host.Tests;

/// <summary>Questions asked while the first ingestion is still running: a Notion page that the fake Notion API holds back.</summary>
public sealed class FirstIngestionTests : IAsyncLifetime
{
    private readonly TempFolder _data = new();
    private readonly TempFolder _corpus = new();
    private FakeNotionServer _notion = null!;
    private StudyBotHost _host = null!;
    private Action _release = null!;

    public async Task InitializeAsync()
    {
        _corpus.Write("welcome.md", "# Welcome\n\nThe platform team owns the deployment pipeline.");
        _notion = await FakeNotionServer.StartAsync();
        var rollouts = _notion.AddPage("Rollout playbook");
        _notion.SetChildren(rollouts, [FakeNotionServer.Paragraph("A Kubernetes rollout pauses when the readiness probe keeps failing.")]);
        var capacity = _notion.AddPage("Capacity plan");
        _notion.SetChildren(capacity, [FakeNotionServer.Paragraph("The capacity plan adds two GPU nodes each quarter.")]);
        _release = _notion.Hold("GET", $"/v1/blocks/{capacity}/children");
        _host = new StudyBotHost(_data.Path, _corpus.Path, new Dictionary<string, string?>
        {
            ["StudyBot:Sources:wiki:Type"] = "Notion",
            ["StudyBot:Sources:wiki:BaseUrl"] = _notion.BaseUrl,
            ["StudyBot:Sources:wiki:Token"] = FakeNotionServer.Token,
        });
    }

    [Fact]
    public async Task Ask_DuringTheFirstIngestion_AnswersFromWhatIsIndexedOrSaysItIsStillIndexing()
    {
        using var client = _host.CreateClient();
        await WaitForAsync(client, wiki => wiki.GetProperty("state").GetString() == "running" && wiki.GetProperty("documents").GetInt32() == 1);

        var indexed = await client.PostAsJsonAsync("/api/ask", new { question = "When does a Kubernetes rollout pause?", sources = new[] { "wiki" } });
        var pending = await client.PostAsJsonAsync("/api/ask", new { question = "How many GPU nodes does the capacity plan add?", sources = new[] { "wiki" } });
        var chat = await (await client.PostAsJsonAsync("/api/chat", new { text = "How many GPU nodes does the capacity plan add?" })).Content.ReadFromJsonAsync<JsonElement>();
        _release();
        await StudyBotHost.WaitForIngestionAsync(client);
        var later = await (await client.PostAsJsonAsync("/api/ask", new { question = "How many GPU nodes does the capacity plan add?" })).Content.ReadFromJsonAsync<JsonElement>();
        var absent = await (await client.PostAsJsonAsync("/api/ask", new { question = "Who won the 1998 football world cup?" })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.True((await indexed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("found").GetBoolean());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, pending.StatusCode);
        Assert.True(pending.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Contains("still indexing the knowledge base (1 of 2 documents)", await pending.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("notice", chat.GetProperty("type").GetString());
        Assert.Contains("still indexing", chat.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.True(later.GetProperty("found").GetBoolean());
        Assert.Equal("Capacity plan", later.GetProperty("citations")[0].GetProperty("title").GetString());
        Assert.False(absent.GetProperty("found").GetBoolean());
        Assert.Contains("couldn't find anything", absent.GetProperty("answer").GetString(), StringComparison.Ordinal);
    }

    private static async Task WaitForAsync(HttpClient client, Func<JsonElement, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var status = await client.GetFromJsonAsync<JsonElement>("/api/status");
            if (status.GetProperty("index").GetProperty("sources").EnumerateArray().Any(s => s.GetProperty("name").GetString() == "wiki" && condition(s)))
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "wiki never reached the state: " + status);
            await Task.Delay(50);
        }
    }

    public async Task DisposeAsync()
    {
        _release();
        await _host.DisposeAsync();
        await _notion.DisposeAsync();
        _data.Dispose();
        _corpus.Dispose();
    }
}
