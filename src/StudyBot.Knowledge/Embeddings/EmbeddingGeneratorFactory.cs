using System.ClientModel;
using Microsoft.Extensions.AI;
using OpenAI;
using StudyBot.Core.Models;

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

        var clientOptions = new OpenAIClientOptions();
        if (!string.IsNullOrWhiteSpace(options.Endpoint))
        {
            clientOptions.Endpoint = new Uri(options.Endpoint);
        }

        var client = new OpenAIClient(new ApiKeyCredential(options.ApiKey ?? "unused"), clientOptions);
        var generator = client.GetEmbeddingClient(options.EmbeddingModel).AsIEmbeddingGenerator();
        return new EmbedderSelection(generator, $"openai:{options.EmbeddingModel}:{options.EmbeddingDimensions}@{options.Endpoint ?? "default"}", options.EmbeddingDimensions);
    }
}
