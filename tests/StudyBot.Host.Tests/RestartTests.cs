using System.Net.Http.Json;
using System.Text.Json;
using StudyBot.Tests;

namespace StudyBot.Host.Tests;

/// <summary>A restart keeps the index (embedded file or Qdrant collection): run against both vector stores.</summary>
public abstract class RestartTests : IDisposable
{
    private readonly TestCorpus _corpus = new();
    private readonly TempFolder _data = new();

    /// <summary>Extra settings, the same for every start of one test.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    private async Task<(JsonElement Status, Func<string, Task<JsonElement>> Ask, StudyBotHost Host)> StartAsync(IReadOnlyDictionary<string, string?>? more = null)
    {
        await DataFolderLock.WaitUntilReleasedAsync(_data.Path);
        var host = new StudyBotHost(_data.Path, _corpus.Path, Settings.Concat(more ?? new Dictionary<string, string?>()).ToDictionary());
        var client = host.CreateClient();
        var status = await StudyBotHost.WaitForIngestionAsync(client);
        async Task<JsonElement> Ask(string question) =>
            await (await client.PostAsJsonAsync("/api/ask", new { question })).Content.ReadFromJsonAsync<JsonElement>();
        return (status, Ask, host);
    }

    private static int LastRun(JsonElement status, string counter) =>
        StudyBotHost.Source(status, "knowledge").GetProperty("lastRun").GetProperty(counter).GetInt32();

    [Fact]
    public async Task Restart_UnchangedCorpus_IsNotReingested()
    {
        var (_, _, first) = await StartAsync();
        await first.DisposeAsync();

        var (status, ask, second) = await StartAsync();

        Assert.Equal((0, 0, 3), (LastRun(status, "added"), LastRun(status, "updated"), LastRun(status, "unchanged")));
        Assert.True((await ask("What is QLoRA?")).GetProperty("found").GetBoolean());
        await second.DisposeAsync();
    }

    [Fact]
    public async Task Restart_AfterEditAndDelete_TheIndexFollowsTheFiles()
    {
        var (_, _, first) = await StartAsync();
        await first.DisposeAsync();
        File.WriteAllText(_corpus.Combine("fine-tuning.md"),
            "# Fine-tuning\n\n## QLoRA\n\nQLoRA is a fine-tuning method our platform team calls the zebra technique because it stripes adapters over a 4-bit model.");
        File.Delete(_corpus.Combine("vector-stores.md"));

        var (status, ask, second) = await StartAsync();

        Assert.Equal((1, 1), (LastRun(status, "updated"), LastRun(status, "removed")));
        Assert.Contains("zebra technique", (await ask("What is QLoRA?")).GetProperty("answer").GetString(), StringComparison.Ordinal);
        var hnsw = await ask("What is HNSW?");
        Assert.DoesNotContain(hnsw.GetProperty("citations").EnumerateArray(), c => c.GetProperty("link").GetString() == "vector-stores.md");
        await second.DisposeAsync();
    }

    [Fact]
    public async Task Restart_SourceRemovedFromTheSettings_IsListedAsUnconfiguredNotPending()
    {
        using var extra = new TempFolder();
        extra.Write("deploy.md", "# Deploys\n\nWe deploy on Tuesdays.\n");
        var (_, _, first) = await StartAsync(new Dictionary<string, string?> { ["StudyBot:Sources:extra:Type"] = "Files", ["StudyBot:Sources:extra:Path"] = extra.Path });
        await first.DisposeAsync();

        var (status, _, second) = await StartAsync();

        var source = StudyBotHost.Source(status, "extra");
        Assert.Equal(("unconfigured", false, 1), (source.GetProperty("state").GetString(), source.GetProperty("configured").GetBoolean(), source.GetProperty("documents").GetInt32()));
        await second.DisposeAsync();
    }

    public void Dispose()
    {
        _data.Dispose();
        _corpus.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class RestartEmbeddedTests : RestartTests;

public sealed class RestartQdrantTests(FakeQdrantFixture qdrant) : RestartTests, IClassFixture<FakeQdrantFixture>
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = qdrant.NewCollectionSettings();
}
