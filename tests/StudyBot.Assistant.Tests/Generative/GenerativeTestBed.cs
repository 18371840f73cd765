using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StudyBot.Assistant.Answering;
using StudyBot.Core.Models;
using StudyBot.Core.Retrieval;
using StudyBot.Knowledge.Embeddings;
using StudyBot.Tests;

namespace StudyBot.Assistant.Tests.Generative;

/// <summary>The assistant's real services, configured through the documented StudyBot:* keys, over a fixed knowledge set.</summary>
internal sealed class GenerativeTestBed : IDisposable
{
    public static readonly RetrievedChunk QLoRA = new(
        "fine-tuning#7", "knowledge", "fine-tuning.md", "Fine-Tuning with PEFT, LoRA and QLoRA", "fine-tuning.md", null, ["Fine-Tuning with PEFT, LoRA and QLoRA", "QLoRA"],
        "QLoRA (Quantized Low-Rank Adaptation) is a fine-tuning method that freezes the pretrained model in 4-bit NormalFloat (NF4) quantization and trains LoRA adapters in 16-bit precision on top of it. The paper shows that QLoRA makes it feasible to fine-tune a 65B-parameter model on a single 48 GB GPU.",
        1);

    public static readonly RetrievedChunk Hnsw = new(
        "vector-stores#2", "knowledge", "vector-stores.md", "Vector stores", "vector-stores.md", null, ["Vector stores", "HNSW"],
        "HNSW is a graph-based index for approximate nearest neighbour search. It trades memory for recall.", 1);

    private readonly IHost _host;
    private readonly TempFolder _data = new();

    /// <param name="chunks">The knowledge base; <see cref="QLoRA"/> and <see cref="Hnsw"/> when null.</param>
    public GenerativeTestBed(string modelBaseUrl, IReadOnlyDictionary<string, string?>? settings = null, RetrievedChunk[]? chunks = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["StudyBot:Llm:Provider"] = "OpenAICompatible",
            ["StudyBot:Llm:Endpoint"] = modelBaseUrl + "/v1",
            ["StudyBot:Llm:ApiKey"] = "sk-test",
            ["StudyBot:Llm:ChatModel"] = "gpt-4o",
            ["StudyBot:Llm:AnswerDeadlineSeconds"] = "20",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        // StudyBot.Knowledge binds StudyBot:Llm in the host; the assistant alone is composed here.
        builder.Services.AddOptions<LlmOptions>().BindConfiguration(LlmOptions.SectionName);
        builder.Services.AddSingleton<IKnowledgeSearch>(new FixedSearch(chunks ?? [QLoRA, Hnsw]));
        var embedder = new EmbedderSelection(new HashingEmbeddingGenerator(), HashingEmbeddingGenerator.IdFor(HashingEmbeddingGenerator.DefaultDimensions), HashingEmbeddingGenerator.DefaultDimensions);
        builder.Services.AddSingleton(new ChunkEmbedder(embedder, new VectorCache(_data.Combine("embeddings.db"), embedder.Id)));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddStudyBotAssistant();
        _host = builder.Build();
    }

    public IServiceProvider Services => _host.Services;

    public IAnswerer Answerer => _host.Services.GetRequiredService<IAnswerer>();

    public void Dispose()
    {
        _host.Dispose();
        _data.Dispose();
    }
}
