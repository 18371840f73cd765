using System.Diagnostics;
using StudyBot.Knowledge.Storage;
using StudyBot.Tests;

namespace StudyBot.Host.Tests;

/// <summary>The real host executable refuses to start on a bad setup, and says why.</summary>
public sealed class StartupErrorTests(FakeQdrantFixture qdrant) : IClassFixture<FakeQdrantFixture>, IDisposable
{
    private readonly TestCorpus _corpus = new();
    private readonly TempFolder _data = new();

    [Fact]
    public async Task Start_DataFolderLockedByAnotherProcess_ExitsWithAClearError()
    {
        using var held = new DataFolder(_data.Path);

        var (exitCode, stderr) = await RunHostProcessAsync(new Dictionary<string, string>());

        Assert.Equal(1, exitCode);
        Assert.Contains("is locked by another StudyBot process", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("StudyBot__Index__ChunkTokens", "5", "StudyBot:Index:ChunkTokens must be between 32 and 8192")]
    [InlineData("StudyBot__VectorStore__Provider", "Qdrant", "StudyBot:VectorStore:Qdrant:Url must be an absolute http(s) URL")]
    public async Task Start_InvalidOption_ExitsNamingTheOption(string variable, string value, string message)
    {
        var (exitCode, stderr) = await RunHostProcessAsync(new Dictionary<string, string> { [variable] = value });

        Assert.Equal(1, exitCode);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_QdrantCollectionOfAnotherVectorSize_ExitsWithTheReason()
    {
        qdrant.Qdrant.CreateCollection("made-for-768", 768);
        var environment = qdrant.NewCollectionSettings("made-for-768").ToDictionary(kv => kv.Key.Replace(":", "__", StringComparison.Ordinal), kv => kv.Value!);

        var (exitCode, stderr) = await RunHostProcessAsync(environment);

        Assert.Equal(1, exitCode);
        Assert.Contains("holds 768-dimension vectors but the embedder 'onnx:arctic-embed-xs' makes 384", stderr, StringComparison.Ordinal);
        Assert.Contains("StudyBot:VectorStore:Qdrant:Collection", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_RemoteEmbeddingModelUnreachableAndSizeUnset_ExitsNamingTheSetting()
    {
        var (exitCode, stderr) = await RunHostProcessAsync(new Dictionary<string, string>
        {
            ["StudyBot__Llm__Provider"] = "OpenAICompatible",
            ["StudyBot__Llm__Endpoint"] = "http://127.0.0.1:9/v1",
            ["StudyBot__Llm__EmbeddingModel"] = "nomic-embed-text",
        });

        Assert.Equal(1, exitCode);
        Assert.Contains("StudyBot:Llm:EmbeddingDimensions is not set, and the embedding model 'nomic-embed-text'", stderr, StringComparison.Ordinal);
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
