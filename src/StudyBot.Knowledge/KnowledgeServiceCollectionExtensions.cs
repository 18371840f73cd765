using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.VectorData;
using StudyBot.Knowledge.Chunking;
using StudyBot.Core.Models;
using StudyBot.Core.Quizzes;
using StudyBot.Core.Retrieval;
using StudyBot.Knowledge.Configuration;
using StudyBot.Knowledge.Embeddings;
using StudyBot.Knowledge.Index;
using StudyBot.Knowledge.Ingestion;
using StudyBot.Knowledge.Quizzes;
using StudyBot.Knowledge.Retrieval;
using StudyBot.Knowledge.Sources;
using StudyBot.Knowledge.Sources.Notion;
using StudyBot.Knowledge.Sources.Confluence;
using StudyBot.Knowledge.Storage;

namespace StudyBot.Knowledge;

public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>Sources, ingestion, the embedded index and hybrid retrieval.</summary>
    public static IHostApplicationBuilder AddStudyBotKnowledge(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddTimeProvider();
        services.AddOptions<KnowledgeOptions>().BindConfiguration(KnowledgeOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<KnowledgeOptions>, KnowledgeOptionsValidator>();
        services.AddOptions<IndexOptions>().BindConfiguration(IndexOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<LlmOptions>().BindConfiguration(LlmOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton(sp => new DataFolder(sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value.DataDirectory));
        services.AddSingleton(sp => EmbeddingGeneratorFactory.Create(sp.GetRequiredService<IOptions<LlmOptions>>().Value, sp.GetRequiredService<IOptions<IndexOptions>>().Value));
        services.AddSingleton(sp => sp.GetRequiredService<EmbedderSelection>().Generator);
        services.AddSingleton(sp => new VectorCache(sp.GetRequiredService<DataFolder>().PathOf("embeddings.db"), sp.GetRequiredService<EmbedderSelection>().Id));
        services.AddSingleton<ChunkEmbedder>();
        services.AddSingleton<QueryEmbeddings>();
        services.AddSingleton<IPassageScorer, PassageScorer>();
        services.AddSingleton<EmbeddingBackfill>();
        services.AddHostedService(sp => sp.GetRequiredService<EmbeddingBackfill>());
        services.AddStudyBotVectorStore();
        services.AddSingleton(sp =>
        {
            var index = sp.GetRequiredService<IOptions<IndexOptions>>().Value;
            var options = new ChunkingOptions { MaxTokens = index.ChunkTokens, OverlapTokens = index.ChunkOverlapTokens };
            options.Validate();
            return new MarkdownChunker(options, TokenCounter.Default);
        });

        services.AddHttpClient();
        services.AddNotionClients(builder.Configuration);
        services.AddConfluenceHttpClients(builder.Configuration);
        services.AddSingleton<SourceCatalog>();
        services.AddSingleton<IngestionPipeline>();
        services.AddSingleton<KnowledgeIngestion>();
        services.AddSingleton<IKnowledgeStatus, KnowledgeStatusService>();
        services.AddSingleton<IKnowledgeSearch, HybridRetriever>();
        services.AddSingleton<IndexQuizMaterial>();
        return builder;
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
