using Microsoft.Extensions.AI;
using Microsoft.Extensions.VectorData;
using System.Diagnostics;
using StudyBot.Core.Retrieval;
using StudyBot.Core.Telemetry;
using StudyBot.Knowledge.Index;

namespace StudyBot.Knowledge.Retrieval;

/// <summary>Answers <see cref="IKnowledgeSearch"/> with the vector store's hybrid (dense + BM25, RRF) search.</summary>
public sealed class HybridRetriever(
    IKeywordHybridSearchable<ChunkRecord> store,
    IDocumentIndex index,
    IEmbeddingGenerator<string, Embedding<float>> embedder) : IKnowledgeSearch
{
    public async Task<IReadOnlyList<RetrievedChunk>> SearchAsync(KnowledgeQuery query, CancellationToken cancellationToken)
    {
        using var activity = AnswerTelemetry.StartRetrieval(query.Top);
        var started = Stopwatch.GetTimestamp();
        var vector = await embedder.GenerateVectorAsync(query.Text, cancellationToken: cancellationToken);
        var keywords = query.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var options = new HybridSearchOptions<ChunkRecord>();
        if (query.Sources is { Count: > 0 } sources)
        {
            var wanted = sources.ToList();
            options.Filter = r => wanted.Contains(r.Source);
        }

        var results = new List<RetrievedChunk>(query.Top);
        await foreach (var result in store.HybridSearchAsync(vector, keywords, query.Top, options, cancellationToken))
        {
            results.Add(RetrievedChunks.From(result));
        }

        AnswerTelemetry.RecordRetrieval(Stopwatch.GetElapsedTime(started).TotalSeconds, results.Count, activity);
        return results;
    }

    public double InverseDocumentFrequency(string term) => index.InverseDocumentFrequency(term);
}
