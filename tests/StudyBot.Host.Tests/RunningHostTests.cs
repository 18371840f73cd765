using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Tests;

namespace StudyBot.Host.Tests;

/// <summary>Base of test classes that need one running host per test, ingested and ready.</summary>
public abstract class RunningHostTests : IAsyncLifetime
{
    private readonly TempFolder _data = new();

    internal TestCorpus Corpus { get; } = new();

    internal StudyBotHost Host { get; private set; } = null!;

    /// <summary>A client without any key, as a user's browser or script.</summary>
    protected HttpClient Client { get; private set; } = null!;

    /// <summary>A client holding the admin key.</summary>
    protected HttpClient Admin { get; private set; } = null!;

    /// <summary>/api/status once the start-up ingestion has finished.</summary>
    protected JsonElement InitialStatus { get; private set; }

    /// <summary>Extra StudyBot:* settings of the host under test.</summary>
    protected virtual Dictionary<string, string?> Settings() => [];

    /// <summary>Test-only services (exporters, sinks) added to the host under test.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public async Task InitializeAsync()
    {
        Host = new StudyBotHost(_data.Path, Corpus.Path, Settings(), ConfigureServices);
        Client = Host.CreateClient();
        Admin = Host.CreateAdminClient();
        InitialStatus = await StudyBotHost.WaitForIngestionAsync(Admin);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        Admin.Dispose();
        await Host.DisposeAsync();
        _data.Dispose();
        Corpus.Dispose();
    }
}
