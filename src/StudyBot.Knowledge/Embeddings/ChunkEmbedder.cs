using Microsoft.Extensions.AI;
using StudyBot.Knowledge.Text;
using StudyBot.Knowledge.Index;

namespace StudyBot.Knowledge.Embeddings;

/// <summary>
/// Embeds what search and answers need of a chunk: its search text (title, headings, text) for
/// dense retrieval, and each passage unit (sentence, table row, code line) so the extractive
/// answerer can score them by meaning. Text embedded before comes from the <see cref="VectorCache"/>.
/// </summary>
public sealed class ChunkEmbedder(EmbedderSelection embedder, VectorCache cache)
{
    public string EmbedderId => embedder.Id;

    /// <summary>The chunks' vectors where the cache has them (nothing is computed).</summary>
    public Task<float[]?[]> CachedAsync(IReadOnlyList<ChunkRecord> chunks, CancellationToken cancellationToken) =>
        cache.GetAsync(chunks.Select(c => c.SearchText).ToList(), cancellationToken);

    /// <summary>Vectors of the chunks (and, cached for the answerer, of their passage units), computing only what the cache lacks.</summary>
    public async Task<float[][]> EmbedAsync(IReadOnlyList<ChunkRecord> chunks, CancellationToken cancellationToken)
    {
        var texts = chunks.Select(c => c.SearchText)
            .Concat(chunks.SelectMany(c => Units(c.Text)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var vectors = await EmbedTextsAsync(texts, cancellationToken);
        var byText = texts.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => vectors[p.i], StringComparer.Ordinal);
        return chunks.Select(c => byText[c.SearchText]).ToArray();
    }

    /// <summary>Vectors of passage-like texts (sentences, chunks; not search queries): from the cache where embedded before, the rest computed and cached.</summary>
    public async Task<float[][]> EmbedTextsAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var vectors = await cache.GetAsync(texts, cancellationToken);
        var missing = Enumerable.Range(0, texts.Count).Where(i => vectors[i] is null).ToList();
        if (missing.Count > 0)
        {
            var generated = await embedder.Generator.GenerateAsync(missing.Select(i => texts[i]), cancellationToken: cancellationToken);
            for (var i = 0; i < missing.Count; i++)
            {
                vectors[missing[i]] = generated[i].Vector.Length == embedder.Dimensions
                    ? generated[i].Vector.ToArray()
                    : throw EmbeddingSizeException.Mismatch(embedder.Id, embedder.Dimensions, generated[i].Vector.Length);
            }

            await cache.PutAsync(missing.Select(i => texts[i]).ToList(), missing.Select(i => (ReadOnlyMemory<float>)vectors[i]!).ToList(), cancellationToken);
        }

        return [.. vectors.Select(v => v!)];
    }

    /// <summary>The passage units of a chunk worth scoring: anything with a couple of words.</summary>
    public static IEnumerable<string> Units(string chunkText) =>
        PassageUnits.Split(chunkText).Select(u => u.Text).Where(t => t.Length >= 8);
}
