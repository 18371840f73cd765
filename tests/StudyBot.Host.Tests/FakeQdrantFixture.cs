using StudyBot.Knowledge.Tests.Qdrant.Fake;

namespace StudyBot.Host.Tests;

/// <summary>One fake Qdrant (with an API key) per test class; each host gets its own collection.</summary>
public sealed class FakeQdrantFixture : IAsyncLifetime
{
    public const string ApiKey = "host-tests-qdrant-key";

    internal FakeQdrant Qdrant { get; private set; } = null!;

    /// <summary>The contract keys that put a host on the fake Qdrant, with a fresh collection.</summary>
    public Dictionary<string, string?> NewCollectionSettings(string? collection = null) => new()
    {
        ["StudyBot:VectorStore:Provider"] = "Qdrant",
        ["StudyBot:VectorStore:Qdrant:Url"] = Qdrant.Url,
        ["StudyBot:VectorStore:Qdrant:ApiKey"] = ApiKey,
        ["StudyBot:VectorStore:Qdrant:Collection"] = collection ?? "host-" + Guid.NewGuid().ToString("N")[..12],
        ["StudyBot:VectorStore:Qdrant:MaxRetries"] = "1",
    };

    public async Task InitializeAsync() => Qdrant = await FakeQdrant.StartAsync(ApiKey);

    public async Task DisposeAsync()
    {
        Assert.Empty(Qdrant.SchemaErrors);
        await Qdrant.DisposeAsync();
    }
}
