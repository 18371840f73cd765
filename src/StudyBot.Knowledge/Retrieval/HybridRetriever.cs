using Microsoft.Extensions.Logging;
using Microsoft.Extensions.VectorData;
using System.Diagnostics;
using StudyBot.Core.Retrieval;
using StudyBot.Core.Telemetry;
using StudyBot.Knowledge.Embeddings;
using StudyBot.Knowledge.Index;
using StudyBot.Knowledge.Text;

namespace StudyBot.Knowledge.Retrieval;

/// <summary>
/// Answers <see cref="IKnowledgeSearch"/> with the vector store's hybrid (dense + BM25, RRF) search.
/// When the query cannot be embedded (a remote embedding model down) it searches by words alone.
/// </summary>
public sealed partial class HybridRetriever(
    IKeywordHybridSearchable<ChunkRecord> store,
    IDocumentIndex index,
    QueryEmbeddings queries,
    ILogger<HybridRetriever> logger) : IKnowledgeSearch
{
    public async Task<SearchResults> SearchAsync(KnowledgeQuery query, CancellationToken cancellationToken)
    {
        using var activity = AnswerTelemetry.StartRetrieval(query.Top);
        var started = Stopwatch.GetTimestamp();
        var vector = await EmbedAsync(query.Text, cancellationToken);
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
        return new SearchResults(results, index.TermWeights(TextAnalyzer.Terms(query.Text).ToList(), results));
    }

    /// <summary>The query's vector, or an empty one (= words only) when the embedding model fails.</summary>
    private async Task<ReadOnlyMemory<float>> EmbedAsync(string text, CancellationToken cancellationToken)
    {
        try
        {
            return await queries.EmbedAsync(text, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogEmbeddingFailed(ex, ex.Message);
            return ReadOnlyMemory<float>.Empty;
        }
    }

    [LoggerMessage(LogLevel.Warning, "The embedding model failed on a query; searching by words only: {Reason}")]
    private partial void LogEmbeddingFailed(Exception exception, string reason);
}
