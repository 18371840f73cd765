using System.Numerics.Tensors;
using StudyBot.Core.Retrieval;
using StudyBot.Knowledge.Embeddings;

namespace StudyBot.Knowledge.Retrieval;

/// <summary>
/// Scores passages against a question with the embedder: the question is embedded (once, shared with
/// the retriever), the passages' vectors come from the <see cref="VectorCache"/>, where chunk
/// embedding put them. While any of them is not embedded yet none is scored: passages scored by meaning
/// would outrank those that cannot be, whatever their words, so words judge them all until then.
/// </summary>
public sealed class PassageScorer(QueryEmbeddings queries, VectorCache cache, EmbedderSelection embedder) : IPassageScorer
{
    public async Task<PassageScores> ScoreAsync(string question, IReadOnlyList<string> passages, CancellationToken cancellationToken)
    {
        var vectors = await cache.GetAsync(passages, cancellationToken);
        if (vectors.Any(v => v is null))
        {
            return new PassageScores(new double?[passages.Count], embedder.RelevantSimilarity);
        }

        var query = (await queries.EmbedAsync(question, cancellationToken)).ToArray();
        var queryNorm = TensorPrimitives.Norm(query);
        var similarities = vectors.Select(v => (double?)(TensorPrimitives.Dot(query, v!) / Math.Max(1e-6, queryNorm * TensorPrimitives.Norm(v!)))).ToList();
        return new PassageScores(similarities, embedder.RelevantSimilarity);
    }
}
