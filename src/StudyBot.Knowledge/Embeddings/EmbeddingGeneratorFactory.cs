using Microsoft.Extensions.AI;
using StudyBot.Core.Models;
using StudyBot.Knowledge.Models;

namespace StudyBot.Knowledge.Embeddings;

/// <summary>Chooses the embedder: the local hashing one by default, an OpenAI-compatible endpoint when configured.</summary>
public static class EmbeddingGeneratorFactory
{
    public static EmbedderSelection Create(LlmOptions options)
    {
        if (!options.UsesRemoteEmbeddings)
        {
            var local = new HashingEmbeddingGenerator();
            return new EmbedderSelection(local, HashingEmbeddingGenerator.IdFor(HashingEmbeddingGenerator.DefaultDimensions), HashingEmbeddingGenerator.DefaultDimensions);
        }

        var client = OpenAIClientFactory.Create(options, options.EmbeddingModel!);
        var generator = client.GetEmbeddingClient(options.EmbeddingModel).AsIEmbeddingGenerator();
        return new EmbedderSelection(generator, $"openai:{options.EmbeddingModel}:{options.EmbeddingDimensions}@{options.Endpoint ?? "default"}", options.EmbeddingDimensions);
    }
}
