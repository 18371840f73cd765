using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using StudyBot.Knowledge.Text;

namespace StudyBot.Knowledge.Embeddings;

/// <summary>
/// The default embedder: feature hashing of stemmed words and adjacent word pairs into a fixed-size
/// unit vector. Deterministic, instant, and needs no model download; its pairs give retrieval a
/// phrase signal that complements BM25's single terms.
/// </summary>
/// <remarks>
/// Tuned on the ARAGOG evaluation (see README, "Retrieval quality"): at 256 dimensions a chunk's
/// few hundred features collided so often that dense retrieval lost most of its precision, and
/// character trigrams added the most collisions for little gain over the stemmer. Changing the
/// features or the size changes <see cref="IdFor"/>, which makes the index re-embed everything.
/// </remarks>
public sealed class HashingEmbeddingGenerator(int dimensions = HashingEmbeddingGenerator.DefaultDimensions) : IEmbeddingGenerator<string, Embedding<float>>
{
    public const int DefaultDimensions = 1024;
    private const float WordWeight = 1.0f;
    private const float PairWeight = 0.5f;

    public static string IdFor(int dimensions) => $"hashing-v2-{dimensions}";

    public EmbeddingGeneratorMetadata Metadata { get; } = new("studybot-hashing", null, IdFor(dimensions), dimensions);

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var embeddings = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var value in values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            embeddings.Add(new Embedding<float>(Embed(value)) { ModelId = Metadata.DefaultModelId });
        }

        return Task.FromResult(embeddings);
    }

    public float[] Embed(string text)
    {
        var counts = new Dictionary<string, float>(StringComparer.Ordinal);
        string? previous = null;
        foreach (var term in TextAnalyzer.Terms(text))
        {
            Add(counts, "w:" + term, WordWeight);
            if (previous is not null)
            {
                Add(counts, "p:" + previous + " " + term, PairWeight);
            }

            previous = term;
        }

        var vector = new float[dimensions];
        foreach (var (feature, weight) in counts)
        {
            var hash = Fnv1a(feature);
            var sign = (hash & 0x8000_0000) == 0 ? 1f : -1f;
            // Sub-linear term frequency: the tenth mention of a word adds little.
            vector[(int)(hash % (uint)dimensions)] += sign * MathF.Log(1 + weight);
        }

        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }

        return vector;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }

    private static void Add(Dictionary<string, float> counts, string feature, float weight) =>
        counts[feature] = counts.GetValueOrDefault(feature) + weight;

    private static uint Fnv1a(string value)
    {
        var hash = 2166136261u;
        foreach (var c in value)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
