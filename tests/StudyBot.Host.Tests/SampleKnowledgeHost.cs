using Microsoft.Data.Sqlite;
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

    /// <summary>
    /// Drops every cached passage vector, as if the background embedding had not reached those
    /// passages yet (right after a first start, or a document just added).
    /// </summary>
    public async Task ForgetPassageVectorsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_data.Path, "embeddings.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM vectors";
        await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
        _data.Dispose();
    }
}
