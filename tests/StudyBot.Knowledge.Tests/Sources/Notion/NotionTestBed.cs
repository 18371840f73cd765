using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Core.Ingestion;
using StudyBot.Core.Retrieval;
using StudyBot.Knowledge.Configuration;
using StudyBot.Knowledge.Sources;
using StudyBot.Knowledge.Sources.Notion;
using StudyBot.Knowledge.Tests.Sources.Notion.Fake;

namespace StudyBot.Knowledge.Tests.Sources.Notion;

/// <summary>
/// A fake Notion workspace on loopback, a Notion source named "wiki" built through the real
/// configuration keys and registration (named client, ApiResilience), and the real pipeline and index.
/// </summary>
internal sealed class NotionTestBed : IAsyncDisposable
{
    private readonly List<ServiceProvider> _providers = [];

    private NotionTestBed(FakeNotionServer notion) => Notion = notion;

    public FakeNotionServer Notion { get; }

    public KnowledgeTestBed Knowledge { get; } = new();

    public static async Task<NotionTestBed> StartAsync() => new(await FakeNotionServer.StartAsync());

    /// <summary>The "wiki" source as StudyBot:Sources:wiki:* configures it; extra keys relative to that section.</summary>
    public IKnowledgeSource Source(params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?>
        {
            ["StudyBot:Sources:wiki:Type"] = "Notion",
            ["StudyBot:Sources:wiki:BaseUrl"] = Notion.BaseUrl,
            ["StudyBot:Sources:wiki:Token"] = FakeNotionServer.Token,
        };
        foreach (var (key, value) in settings)
        {
            values["StudyBot:Sources:wiki:" + key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<KnowledgeOptions>().Bind(configuration.GetSection(KnowledgeOptions.SectionName));
        services.AddNotionClients(configuration);
        services.AddSingleton<SourceCatalog>();
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider.GetRequiredService<SourceCatalog>().Find("wiki")!;
    }

    public Task<IngestionCounts> RunAsync(IKnowledgeSource source) => Knowledge.RunAsync(source);

    public async Task<IReadOnlyList<RetrievedChunk>> SearchAsync(string text) =>
        await Knowledge.Retriever.SearchAsync(new KnowledgeQuery(text, 3), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        Knowledge.Dispose();
        await Notion.DisposeAsync();
    }
}
