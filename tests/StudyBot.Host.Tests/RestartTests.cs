using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using StudyBot.Knowledge.Storage;
using StudyBot.Tests;

namespace StudyBot.Host.Tests;

public sealed class RestartTests : IDisposable
{
    private readonly TestCorpus _corpus = new();
    private readonly TempFolder _data = new();

    private async Task<(JsonElement Status, Func<string, Task<JsonElement>> Ask, StudyBotHost Host)> StartAsync()
    {
        var host = new StudyBotHost(_data.Path, _corpus.Path);
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
    public async Task Start_DataFolderLockedByAnotherProcess_ExitsWithAClearError()
    {
        using var held = new DataFolder(_data.Path);

        var (exitCode, stderr) = await RunHostProcessAsync(new Dictionary<string, string>());

        Assert.Equal(1, exitCode);
        Assert.Contains("is locked by another StudyBot process", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_InvalidOption_ExitsNamingTheOption()
    {
        var (exitCode, stderr) = await RunHostProcessAsync(new Dictionary<string, string> { ["StudyBot__Index__ChunkTokens"] = "5" });

        Assert.Equal(1, exitCode);
        Assert.Contains("StudyBot:Index:ChunkTokens must be between 32 and 8192", stderr, StringComparison.Ordinal);
    }

    /// <summary>Starts the real host executable (not the test server) and waits for it to exit.</summary>
    private async Task<(int ExitCode, string Stderr)> RunHostProcessAsync(Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet", [typeof(Program).Assembly.Location, "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.Environment["StudyBot__DataDirectory"] = _data.Path;
        start.Environment["StudyBot__Sources__knowledge__Path"] = _corpus.Path;
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        return (process.ExitCode, await stderr);
    }

    public void Dispose()
    {
        _data.Dispose();
        _corpus.Dispose();
    }
}
