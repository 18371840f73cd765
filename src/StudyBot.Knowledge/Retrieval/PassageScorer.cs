using System.Numerics.Tensors;
using StudyBot.Core.Retrieval;
using StudyBot.Knowledge.Embeddings;

namespace StudyBot.Knowledge.Retrieval;

/// <summary>
/// Scores passages against a question with the embedder: the question is embedded (once, shared with
/// the retriever), the passages' vectors come from the <see cref="VectorCache"/>, where chunk
/// embedding put them. Passages the background embedding has not reached yet (right after a first
/// start, a document just added, a line too short for it) are embedded here and cached: a handful of
/// chunks' sentences, so an answer never waits for the whole index and is always judged by meaning.
/// </summary>
public sealed class PassageScorer(QueryEmbeddings queries, ChunkEmbedder chunkEmbedder, EmbedderSelection embedder) : IPassageScorer
{
    public async Task<PassageScores> ScoreAsync(string question, IReadOnlyList<string> passages, CancellationToken cancellationToken)
    {
        var vectors = await chunkEmbedder.EmbedTextsAsync(passages, cancellationToken);
        var query = (await queries.EmbedAsync(question, cancellationToken)).ToArray();
        var queryNorm = TensorPrimitives.Norm(query);
        var similarities = vectors.Select(v => (double)(TensorPrimitives.Dot(query, v) / Math.Max(1e-6, queryNorm * TensorPrimitives.Norm(v)))).ToList();
        return new PassageScores(similarities, embedder.RelevantSimilarity);
    }
}
