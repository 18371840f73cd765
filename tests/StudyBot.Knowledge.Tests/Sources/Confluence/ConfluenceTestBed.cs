using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StudyBot.Core.Ingestion;
using StudyBot.Core.Retrieval;
using StudyBot.Knowledge.Configuration;
using StudyBot.Knowledge.Ingestion;
using StudyBot.Knowledge.Sources;
using StudyBot.Knowledge.Sources.Confluence;

namespace StudyBot.Knowledge.Tests.Sources.Confluence;

/// <summary>
/// A fake Confluence site, a source "wiki" configured against it through StudyBot:Sources the way
/// the host does (validation, named HttpClient with the shared resilience policy, SourceCatalog),
/// and the real pipeline and index of <see cref="KnowledgeTestBed"/>.
/// </summary>
internal sealed class ConfluenceTestBed : IAsyncDisposable
{
    public const string SourceName = "wiki";

    private readonly ServiceProvider _services;

    private ConfluenceTestBed(FakeConfluence fake, ServiceProvider services, IKnowledgeSource source)
    {
        Fake = fake;
        _services = services;
        Source = source;
    }

    public FakeConfluence Fake { get; }

    public KnowledgeTestBed Knowledge { get; } = new();

    public IKnowledgeSource Source { get; }

    public static TheoryData<ConfluenceFlavor> Flavors => [ConfluenceFlavor.Cloud, ConfluenceFlavor.DataCenter];

    /// <summary>A bed holding <see cref="FakeConfluence.AddHandbook"/>'s pages, served at most <paramref name="maxLimit"/> per response.</summary>
    public static async Task<ConfluenceTestBed> HandbookAsync(ConfluenceFlavor flavor, int maxLimit = 250)
    {
        var bed = await StartAsync(flavor);
        bed.Fake.MaxLimit = maxLimit;
        bed.Fake.AddHandbook();
        return bed;
    }

    public static async Task<ConfluenceTestBed> StartAsync(ConfluenceFlavor flavor, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var fake = await FakeConfluence.StartAsync(flavor);
        var key = $"StudyBot:Sources:{SourceName}";
        var values = new Dictionary<string, string?>
        {
            [$"{key}:Type"] = "Confluence",
            [$"{key}:BaseUrl"] = fake.BaseUrl.ToString(),
            [$"{key}:Flavor"] = flavor.ToString(),
            [$"{key}:SpaceKeys:0"] = "ENG",
            [$"{key}:SpaceKeys:1"] = "OPS",
        };
        if (flavor == ConfluenceFlavor.Cloud)
        {
            values[$"{key}:Email"] = FakeConfluence.Email;
            values[$"{key}:ApiToken"] = FakeConfluence.ApiToken;
        }
        else
        {
            values[$"{key}:PersonalAccessToken"] = FakeConfluence.PersonalAccessToken;
        }

        foreach (var (name, value) in settings ?? new Dictionary<string, string?>())
        {
            values[$"{key}:{name}"] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var options = configuration.GetSection(KnowledgeOptions.SectionName).Get<KnowledgeOptions>()!;
        var validation = new KnowledgeOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new InvalidOperationException(validation.FailureMessage);
        }

        var services = new ServiceCollection().AddConfluenceHttpClients(configuration).BuildServiceProvider();
        var catalog = new SourceCatalog(Options.Create(options), services.GetRequiredService<IHttpClientFactory>(), TimeProvider.System);
        return new ConfluenceTestBed(fake, services, catalog.Find(SourceName)!);
    }

    public Task<IngestionCounts> RunAsync() => Knowledge.RunAsync(Source);

    public async Task<IReadOnlyList<RetrievedChunk>> SearchAsync(string text) =>
        await Knowledge.Retriever.SearchAsync(new KnowledgeQuery(text, 3), CancellationToken.None);

    public async Task<int> DocumentCountAsync() => (await Knowledge.Store.CountAsync(SourceName, CancellationToken.None)).Documents;

    /// <summary>Requests that fetched one page or attachment rather than a listing.</summary>
    public IReadOnlyList<FakeConfluenceRequest> ContentFetches() =>
        Fake.Requests.Where(r => r.Path.Contains("/api/v2/pages/", StringComparison.Ordinal)
            || r.Path.Contains("/rest/api/content/", StringComparison.Ordinal) && !r.Path.EndsWith("/search", StringComparison.Ordinal)
            || r.Path.Contains("/download/", StringComparison.Ordinal)).ToList();

    public async ValueTask DisposeAsync()
    {
        Knowledge.Dispose();
        await _services.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
