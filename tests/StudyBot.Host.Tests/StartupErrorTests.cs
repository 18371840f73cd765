using StudyBot.Knowledge.Storage;
using StudyBot.Host.Tests.Readme;
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

    /// <summary>Starts the server as the README does and waits for it to exit.</summary>
    private async Task<(int ExitCode, string Stderr)> RunHostProcessAsync(Dictionary<string, string> environment)
    {
        environment["StudyBot__Sources__knowledge__Path"] = _corpus.Path;
        var result = await StudyBotProcess.RunAsync(_data.Path, ["--urls", "http://127.0.0.1:0"], environment);
        return (result.ExitCode, result.Stderr);
    }

    public void Dispose()
    {
        _data.Dispose();
        _corpus.Dispose();
    }
}
