using Microsoft.Extensions.AI;

namespace StudyBot.Knowledge.Embeddings;

/// <summary>
/// Embeds search queries (with the model's query instruction) and remembers the last few, so the
/// retriever and the answer's passage scoring embed a question once between them.
/// </summary>
public sealed class QueryEmbeddings(EmbedderSelection embedder)
{
    private const int Remembered = 64;

    private readonly Dictionary<string, ReadOnlyMemory<float>> _recent = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Lock _lock = new();

    public async Task<ReadOnlyMemory<float>> EmbedAsync(string query, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_recent.TryGetValue(query, out var known))
            {
                return known;
            }
        }

        var vector = await embedder.Generator.GenerateVectorAsync(embedder.QueryText(query), cancellationToken: cancellationToken);
        if (vector.Length != embedder.Dimensions)
        {
            throw EmbeddingSizeException.Mismatch(embedder.Id, embedder.Dimensions, vector.Length);
        }

        lock (_lock)
        {
            if (_recent.TryAdd(query, vector))
            {
                _order.Enqueue(query);
                if (_order.Count > Remembered)
                {
                    _recent.Remove(_order.Dequeue());
                }
            }
        }

        return vector;
    }
}
