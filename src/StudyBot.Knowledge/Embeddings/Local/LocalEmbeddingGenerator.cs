using System.Numerics.Tensors;
using Microsoft.Extensions.AI;

namespace StudyBot.Knowledge.Embeddings.Local;

/// <summary>
/// The embedded default: a small sentence-embedding model from a NuGet package, run in process on
/// ONNX Runtime. Texts are cut at the model's 512-token window; texts of similar length are batched
/// together (up to <see cref="BatchTokens"/> padded tokens, so long chunks go one at a time). Texts
/// embedded recently in this process are not embedded again.
/// </summary>
public sealed class LocalEmbeddingGenerator(PackagedModel model) : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>Padded tokens per inference: short texts share a run, a 300-token chunk runs alone (measured fastest).</summary>
    public const int BatchTokens = 512;

    private readonly LocalModelRuntime _runtime = LocalModelRuntime.For(model);

    public PackagedModel Model => model;

    public EmbeddingGeneratorMetadata Metadata { get; } = new("studybot-onnx", null, model.Id, model.Dimensions);

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values as IReadOnlyList<string> ?? values.ToList();
        var vectors = new float[texts.Count][];
        var todo = new List<int>(texts.Count);
        for (var i = 0; i < texts.Count; i++)
        {
            if (_runtime.Recall(texts[i]) is { } known)
            {
                vectors[i] = known;
            }
            else
            {
                todo.Add(i);
            }
        }

        var encoded = todo.Select(i => _runtime.Encode(texts[i])).ToList();
        var order = Enumerable.Range(0, encoded.Count).OrderBy(i => encoded[i].Length).ToList();
        var start = 0;
        while (start < order.Count)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Sorted by length, so the batch's last text is its longest and sets the padding.
            var end = start + 1;
            while (end < order.Count && (end - start + 1) * encoded[order[end]].Length <= BatchTokens)
            {
                end++;
            }

            var batch = order.GetRange(start, end - start);
            var states = _runtime.Forward(batch.Select(i => encoded[i]).ToList(), out var length, cancellationToken);
            for (var b = 0; b < batch.Count; b++)
            {
                var text = todo[batch[b]];
                vectors[text] = Pool(states, b, length, encoded[batch[b]].Length);
                _runtime.Remember(texts[text], vectors[text]);
            }

            start = end;
        }

        var embeddings = new GeneratedEmbeddings<Embedding<float>>(vectors.Select(v => new Embedding<float>(v) { ModelId = model.Id }));
        return Task.FromResult(embeddings);
    }

    /// <summary>One text's vector from its token states: [CLS] or the mean over its real tokens, normalised.</summary>
    private float[] Pool(float[] states, int item, int length, int tokens)
    {
        var dimensions = model.Dimensions;
        var offset = item * length * dimensions;
        var vector = new float[dimensions];
        if (model.Pooling == TokenPooling.Cls)
        {
            states.AsSpan(offset, dimensions).CopyTo(vector);
        }
        else
        {
            for (var t = 0; t < tokens; t++)
            {
                TensorPrimitives.Add(vector, states.AsSpan(offset + t * dimensions, dimensions), vector);
            }
        }

        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }

        return vector;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? Metadata
        : serviceType.IsInstanceOfType(this) ? this : null;

    /// <summary>The model stays loaded for the process (it is shared); nothing to release per generator.</summary>
    public void Dispose()
    {
    }
}
