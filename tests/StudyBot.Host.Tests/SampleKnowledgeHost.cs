using StudyBot.Tests;

namespace StudyBot.Host.Tests;

/// <summary>
/// One host on the sample knowledge base (knowledge/) at default settings — the local embedding
/// model included — shared by the tests of a class, ingested and with every vector computed.
/// </summary>
public sealed class SampleKnowledgeHost : IAsyncLifetime
{
    private readonly TempFolder _data = new();

    internal StudyBotHost Host { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = new StudyBotHost(_data.Path, TestPaths.Knowledge);
        Client = Host.CreateClient();
        using var admin = Host.CreateAdminClient();
        await StudyBotHost.WaitForIngestionAsync(admin);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
        _data.Dispose();
    }
}
