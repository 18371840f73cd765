using Microsoft.Extensions.AI;
using StudyBot.Core.Models;
using StudyBot.Knowledge.Configuration;
using StudyBot.Knowledge.Embeddings.Local;
using StudyBot.Knowledge.Models;

namespace StudyBot.Knowledge.Embeddings;

/// <summary>
/// Chooses the embedder: an OpenAI-compatible endpoint when StudyBot:Llm names an embedding model,
/// else StudyBot:Index:Embedder — the packaged local model by default, or feature hashing.
/// </summary>
public static class EmbeddingGeneratorFactory
{
    public static EmbedderSelection Create(LlmOptions llm, IndexOptions index)
    {
        if (llm.UsesRemoteEmbeddings)
        {
            var client = OpenAIClientFactory.Create(llm, llm.EmbeddingModel!);
            var generator = client.GetEmbeddingClient(llm.EmbeddingModel).AsIEmbeddingGenerator();
            return new EmbedderSelection(generator, $"openai:{llm.EmbeddingModel}:{llm.EmbeddingDimensions}@{llm.Endpoint ?? "default"}", llm.EmbeddingDimensions);
        }

        if (index.Embedder == "Hashing")
        {
            return new EmbedderSelection(new HashingEmbeddingGenerator(), HashingEmbeddingGenerator.IdFor(HashingEmbeddingGenerator.DefaultDimensions), HashingEmbeddingGenerator.DefaultDimensions);
        }

        var model = index.Embedder == "MiniLM" ? PackagedModel.MiniLM : PackagedModel.ArcticXs;
        return new EmbedderSelection(new LocalEmbeddingGenerator(model), "onnx:" + model.Id, model.Dimensions, model.QueryPrefix, model.RelevantSimilarity);
    }
}
