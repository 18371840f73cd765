using StudyBot.Tests;

namespace StudyBot.Host.Tests.Readme;

/// <summary>
/// A first <c>ask</c> on the sample in a data folder of its own: it computes every vector (about a
/// minute on 2 cores). The command-line tests then start from its vector cache, as a user's later
/// commands do, instead of each computing the same vectors again.
/// </summary>
public sealed class SampleVectorCache : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _data = new();

    internal CommandResult FirstAsk { get; private set; } = null!;

    public async Task InitializeAsync() => FirstAsk = await StudyBotProcess.RunAsync(_data.Path, ["ask", "What is QLoRA?"]);

    /// <summary>Copies the cache into a fresh data folder.</summary>
    public void CopyTo(string dataDirectory)
    {
        foreach (var file in Directory.EnumerateFiles(_data.Path, "embeddings.db*"))
        {
            File.Copy(file, Path.Combine(dataDirectory, Path.GetFileName(file)));
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _data.Dispose();
}
