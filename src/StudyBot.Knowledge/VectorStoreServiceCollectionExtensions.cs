using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.VectorData;
using StudyBot.Knowledge.Configuration;
using StudyBot.Knowledge.Embeddings;
using StudyBot.Knowledge.Http;
using StudyBot.Knowledge.Index;
using StudyBot.Knowledge.Index.Embedded;
using StudyBot.Knowledge.Index.Qdrant;
using StudyBot.Knowledge.Storage;

namespace StudyBot.Knowledge;

internal static class VectorStoreServiceCollectionExtensions
{
    public const string QdrantProbeClient = "StudyBot.Qdrant.Probe";

    /// <summary>
    /// The vector store StudyBot:VectorStore:Provider names, behind the VectorData collection,
    /// hybrid search, document index and readiness abstractions. The choice is read when the
    /// store is first resolved, so configuration added by the host's environment counts.
    /// </summary>
    public static IServiceCollection AddStudyBotVectorStore(this IServiceCollection services)
    {
        services.AddOptions<VectorStoreOptions>().BindConfiguration(VectorStoreOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<VectorStoreOptions>, VectorStoreOptionsValidator>();

        services.AddSingleton(sp =>
        {
            var embedder = sp.GetRequiredService<EmbedderSelection>();
            var index = sp.GetRequiredService<IOptions<IndexOptions>>().Value;
            var folder = sp.GetRequiredService<DataFolder>();
            return new EmbeddedChunkStore(folder.PathOf("index.db"), embedder.Id, embedder.Dimensions)
            {
                FusionWeights = [index.LexicalWeight, index.DenseWeight],
            };
        });

        services.AddHttpClient<QdrantClient>(ConfigureQdrant).AddApiResilience(sp =>
        {
            var qdrant = sp.GetRequiredService<IOptions<VectorStoreOptions>>().Value.Qdrant;
            return new ApiResilienceLimits(null, qdrant.MaxRetries, TimeSpan.FromSeconds(qdrant.TimeoutSeconds));
        });
        // Readiness probes must answer quickly: no retries, a short timeout.
        services.AddHttpClient(QdrantProbeClient, (sp, http) =>
        {
            ConfigureQdrant(sp, http);
            http.Timeout = TimeSpan.FromSeconds(3);
        });
        services.AddSingleton(sp =>
        {
            var embedder = sp.GetRequiredService<EmbedderSelection>();
            var index = sp.GetRequiredService<IOptions<IndexOptions>>().Value;
            var options = sp.GetRequiredService<IOptions<VectorStoreOptions>>();
            var probe = new QdrantClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient(QdrantProbeClient), options);
            return new QdrantChunkStore(sp.GetRequiredService<QdrantClient>(), probe, embedder.Id, embedder.Dimensions, options.Value.Qdrant.BatchSize)
            {
                FusionWeights = [index.LexicalWeight, index.DenseWeight],
            };
        });

        services.AddSingleton<VectorStoreCollection<string, ChunkRecord>>(sp =>
            sp.GetRequiredService<IOptions<VectorStoreOptions>>().Value.Provider == VectorStoreProvider.Qdrant
                ? sp.GetRequiredService<QdrantChunkStore>()
                : sp.GetRequiredService<EmbeddedChunkStore>());
        services.AddSingleton(sp => (IDocumentIndex)sp.GetRequiredService<VectorStoreCollection<string, ChunkRecord>>());
        services.AddSingleton(sp => (IKeywordHybridSearchable<ChunkRecord>)sp.GetRequiredService<VectorStoreCollection<string, ChunkRecord>>());
        services.AddSingleton(sp => (IIndexReadiness)sp.GetRequiredService<VectorStoreCollection<string, ChunkRecord>>());
        services.AddHostedService<QdrantCollectionInitializer>();
        return services;
    }

    private static void ConfigureQdrant(IServiceProvider services, HttpClient http)
    {
        var qdrant = services.GetRequiredService<IOptions<VectorStoreOptions>>().Value.Qdrant;
        if (Uri.TryCreate(qdrant.Url, UriKind.Absolute, out var url))
        {
            http.BaseAddress = new Uri(url.AbsoluteUri.TrimEnd('/') + "/");
        }

        // The resilience handler times each attempt; the client's own timeout would cut retries short.
        http.Timeout = Timeout.InfiniteTimeSpan;
        if (!string.IsNullOrEmpty(qdrant.ApiKey))
        {
            http.DefaultRequestHeaders.Add(QdrantClient.ApiKeyHeader, qdrant.ApiKey);
        }
    }
}
