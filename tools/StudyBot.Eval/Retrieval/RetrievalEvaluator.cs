using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Assistant.Answering;
using StudyBot.Core.Retrieval;
using StudyBot.Eval.Beir;

namespace StudyBot.Eval.Retrieval;

/// <summary>
/// Ingests a data set and scores lexical, dense and hybrid retrieval on it, then asks the
/// extractive answerer every selected question to count its "not in the knowledge base" replies.
/// </summary>
internal static class RetrievalEvaluator
{
    /// <summary>Chunks fetched per query: deep enough that the ten best documents appear in almost every ranking.</summary>
    public const int ChunksRanked = 100;

    public static async Task<RetrievalReport> RunAsync(BeirDataset dataset, QuerySelection selection, IConfiguration settings, CancellationToken cancellationToken)
    {
        var queries = dataset.Queries.Where(q => selection.Includes(q)).ToList();
        using var index = await EvalIndex.BuildAsync(dataset, settings, cancellationToken);
        var modes = new List<ModeFigures>();
        foreach (var mode in Enum.GetValues<RetrievalMode>())
        {
            modes.Add(await EvaluateAsync(index.Search(mode), mode, queries.Where(q => q.IsAnswerable).ToList(), cancellationToken));
        }

        var abstention = await AbstainAsync(new ExtractiveAnswerer(index.Search(RetrievalMode.Hybrid), index.Services.GetRequiredService<IPassageScorer>()), queries, cancellationToken);
        return new RetrievalReport(selection, dataset.Corpus.Count, index.Chunks, index.IngestionTime, modes, abstention);
    }

    private static async Task<ModeFigures> EvaluateAsync(IKnowledgeSearch search, RetrievalMode mode, List<BeirQuery> queries, CancellationToken cancellationToken)
    {
        // One untimed search first so JIT compilation is not billed to the first query.
        await search.SearchAsync(new KnowledgeQuery("warm up", ChunksRanked), cancellationToken);
        var outcomes = new List<QueryOutcome>();
        double hits = 0, reciprocal = 0, ndcg = 0, support = 0;
        var supported = 0;
        var elapsed = TimeSpan.Zero;
        foreach (var query in queries)
        {
            var started = Stopwatch.GetTimestamp();
            var chunks = await search.SearchAsync(new KnowledgeQuery(query.Text, ChunksRanked), cancellationToken);
            elapsed += Stopwatch.GetElapsedTime(started);

            var ranking = RankingMetrics.DocumentRanking(chunks);
            hits += RankingMetrics.HitAt1(ranking, query.RelevantDocuments);
            var rr = RankingMetrics.ReciprocalRank(ranking, query.RelevantDocuments);
            reciprocal += rr;
            ndcg += RankingMetrics.Ndcg(ranking, query.RelevantDocuments);
            if (query.ReferenceAnswer is not null && AnswerSupport.Recall(query.ReferenceAnswer, chunks) is { } recall)
            {
                support += recall;
                supported++;
            }

            outcomes.Add(new QueryOutcome(query, rr > 0 ? (int)Math.Round(1 / rr) : 0, ranking.Count > 0 ? ranking[0] : null));
        }

        var n = Math.Max(1, queries.Count);
        return new ModeFigures(mode, queries.Count, hits / n, reciprocal / n, ndcg / n, support / Math.Max(1, supported), elapsed, outcomes);
    }

    private static async Task<AbstentionFigures> AbstainAsync(ExtractiveAnswerer answerer, List<BeirQuery> queries, CancellationToken cancellationToken)
    {
        int unanswerable = 0, refused = 0, labelled = 0, wronglyRefused = 0;
        var wronglyAnswered = new List<string>();
        var stopwatch = Stopwatch.StartNew();
        foreach (var query in queries)
        {
            var answer = await answerer.AnswerAsync(new Question(query.Text), cancellationToken);
            if (query.IsAnswerable)
            {
                labelled++;
                wronglyRefused += answer.Found ? 0 : 1;
            }
            else
            {
                unanswerable++;
                refused += answer.Found ? 0 : 1;
                if (answer.Found)
                {
                    wronglyAnswered.Add(query.Id);
                }
            }
        }

        return new AbstentionFigures(unanswerable, refused, labelled, wronglyRefused, stopwatch.Elapsed, wronglyAnswered);
    }
}
