using System.Numerics.Tensors;
using StudyBot.Knowledge.Embeddings;

namespace StudyBot.Knowledge.Tests;

public sealed class HashingEmbeddingGeneratorTests
{
    private static readonly HashingEmbeddingGenerator Embedder = new();

    [Fact]
    public void Embed_SameText_GivesTheSameUnitVector()
    {
        var first = Embedder.Embed("Low-rank adapters for fine-tuning");
        var second = new HashingEmbeddingGenerator().Embed("Low-rank adapters for fine-tuning");

        Assert.Equal(first, second);
        Assert.Equal(1f, TensorPrimitives.Norm(first), 3);
    }

    [Fact]
    public void Embed_RelatedTexts_AreCloserThanUnrelatedOnes()
    {
        var query = Embedder.Embed("quantized adapters fine-tune");
        var related = Embedder.Embed("QLoRA fine-tunes quantized models with low-rank adapters");
        var unrelated = Embedder.Embed("Kubeflow schedules pipeline runs on Kubernetes clusters");

        Assert.True(TensorPrimitives.Dot(query, related) > TensorPrimitives.Dot(query, unrelated) + 0.1f);
    }
}
