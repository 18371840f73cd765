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
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(30);

    public static EmbedderSelection Create(LlmOptions llm, IndexOptions index)
    {
        if (llm.UsesRemoteEmbeddings)
        {
            var client = OpenAIClientFactory.Create(llm, llm.EmbeddingModel!);
            var generator = client.GetEmbeddingClient(llm.EmbeddingModel).AsIEmbeddingGenerator();
            var dimensions = llm.EmbeddingDimensions ?? Probe(generator, llm);
            return new EmbedderSelection(generator, $"openai:{llm.EmbeddingModel}:{dimensions}@{llm.Endpoint ?? "default"}", dimensions);
        }

        if (index.Embedder == "Hashing")
        {
            return new EmbedderSelection(new HashingEmbeddingGenerator(), HashingEmbeddingGenerator.IdFor(HashingEmbeddingGenerator.DefaultDimensions), HashingEmbeddingGenerator.DefaultDimensions);
        }

        var model = index.Embedder == "MiniLM" ? PackagedModel.MiniLM : PackagedModel.ArcticXs;
        return new EmbedderSelection(new LocalEmbeddingGenerator(model), "onnx:" + model.Id, model.Dimensions, model.QueryPrefix, model.RelevantSimilarity);
    }

    /// <summary>
    /// Reads a remote model's vector size from one embedding of a probe text. Runs once, when the
    /// index is first built at start-up; a model that does not answer stops start-up with the reason.
    /// </summary>
    private static int Probe(IEmbeddingGenerator<string, Embedding<float>> generator, LlmOptions llm)
    {
        try
        {
            // Start-up resolves the index synchronously; this is the one blocking call, bounded by the timeout.
            return generator.GenerateVectorAsync("StudyBot embedding size probe").WaitAsync(ProbeTimeout).GetAwaiter().GetResult().Length;
        }
        catch (Exception ex)
        {
            throw new EmbeddingSizeException(
                $"StudyBot:Llm:EmbeddingDimensions is not set, and the embedding model '{llm.EmbeddingModel}' at {llm.Endpoint ?? "the provider's default endpoint"} " +
                $"did not answer the probe that reads its vector size: {ex.Message}. Check StudyBot:Llm:Endpoint and StudyBot:Llm:EmbeddingModel, or set StudyBot:Llm:EmbeddingDimensions.", ex);
        }
    }
}
