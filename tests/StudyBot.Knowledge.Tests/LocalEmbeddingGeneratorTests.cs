using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using StudyBot.Knowledge.Embeddings.Local;

namespace StudyBot.Knowledge.Tests;

/// <summary>The packaged model itself (loaded once per test process, as in the host).</summary>
public sealed class LocalEmbeddingGeneratorTests
{
    private static readonly LocalEmbeddingGenerator Model = new(PackagedModel.ArcticXs);

    private static async Task<float[]> EmbedAsync(string text) => (await Model.GenerateVectorAsync(text)).ToArray();

    [Fact]
    public async Task Generate_QuestionInOtherWords_IsCloserToItsAnswerThanToAnUnrelatedSentence()
    {
        var question = await EmbedAsync(PackagedModel.ArcticXs.QueryPrefix + "Our GPUs look busy all the time; what should we autoscale on?");
        var answer = await EmbedAsync("Better signals are waiting requests, KV-cache usage and p95 time to first token.");
        var unrelated = await EmbedAsync("The cafeteria serves lunch from noon until two.");

        Assert.True(TensorPrimitives.Dot(question, answer) > TensorPrimitives.Dot(question, unrelated) + 0.05f);
    }

    [Fact]
    public async Task Generate_Batch_GivesTheVectorsOfOneTextAtATime()
    {
        string[] texts = ["QLoRA trains adapters on a 4-bit base model.", "HNSW is a graph index.", string.Join(' ', Enumerable.Repeat("Long text beyond the window.", 200))];

        var batch = await Model.GenerateAsync(texts);

        for (var i = 0; i < texts.Length; i++)
        {
            var alone = (await new LocalEmbeddingGenerator(PackagedModel.ArcticXs).GenerateAsync([texts[i] + " "]))[0].Vector.ToArray();
            Assert.Equal(384, batch[i].Vector.Length);
            Assert.Equal(1f, TensorPrimitives.Norm(batch[i].Vector.Span), 3);
            Assert.True(TensorPrimitives.Dot(alone, batch[i].Vector.Span) > 0.999f, $"text {i}");
        }
    }
}
