using System.Net.Http.Json;
using System.Text.Json;
using StudyBot.Knowledge.Sources.Confluence;
using StudyBot.Knowledge.Tests.Sources.Confluence;
using StudyBot.Tests;

namespace StudyBot.Host.Tests;

/// <summary>The real host with a Confluence Cloud source configured through environment-style keys, against the fake site.</summary>
public sealed class ConfluenceSourceTests : IAsyncLifetime
{
    private readonly TempFolder _data = new();
    private readonly TestCorpus _corpus = new();
    private FakeConfluence _confluence = null!;
    private StudyBotHost _host = null!;

    public async Task InitializeAsync()
    {
        _confluence = await FakeConfluence.StartAsync(ConfluenceFlavor.Cloud);
        _confluence.AddHandbook();
        _host = new StudyBotHost(_data.Path, _corpus.Path, new Dictionary<string, string?>
        {
            ["StudyBot:Sources:wiki:Type"] = "Confluence",
            ["StudyBot:Sources:wiki:BaseUrl"] = _confluence.BaseUrl.ToString(),
            ["StudyBot:Sources:wiki:Email"] = FakeConfluence.Email,
            ["StudyBot:Sources:wiki:ApiToken"] = FakeConfluence.ApiToken,
            ["StudyBot:Sources:wiki:Flavor"] = "Cloud",
            ["StudyBot:Sources:wiki:SpaceKeys:0"] = "ENG",
            ["StudyBot:Sources:wiki:SpaceKeys:1"] = "OPS",
        });
    }

    [Fact]
    public async Task Ask_AboutAConfluencePage_CitesThePageInConfluence()
    {
        using var client = _host.CreateAdminClient();
        var status = await StudyBotHost.WaitForIngestionAsync(client);
        Assert.Equal(5, StudyBotHost.Source(status, "wiki").GetProperty("documents").GetInt32());

        var response = await client.PostAsJsonAsync("/api/ask", new { question = "How do I roll back with the blue green switch?", sources = new[] { "wiki" } });
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(StudyBotHost.Json);

        var citation = answer.GetProperty("citations")[0];
        Assert.Equal("Deploying services", citation.GetProperty("title").GetString());
        Assert.Equal(_confluence.BaseUrl + "/spaces/ENG/pages/102/Deploying+services", citation.GetProperty("url").GetString());
        Assert.All(_confluence.Requests, r => Assert.StartsWith("Basic ", r.Authorization, StringComparison.Ordinal));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _confluence.DisposeAsync();
        _data.Dispose();
        _corpus.Dispose();
    }
}
