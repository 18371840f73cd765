using StudyBot.Core.Retrieval;

namespace StudyBot.Eval.Retrieval;

/// <summary>Document-level ranking metrics: each document is ranked by its best chunk.</summary>
internal static class RankingMetrics
{
    public const int Cutoff = 10;

    public static IReadOnlyList<string> DocumentRanking(IEnumerable<RetrievedChunk> chunks) =>
        chunks.Select(c => c.DocumentId).Distinct(StringComparer.Ordinal).ToList();

    public static double HitAt1(IReadOnlyList<string> ranking, IReadOnlySet<string> relevant) =>
        ranking.Count > 0 && relevant.Contains(ranking[0]) ? 1 : 0;

    public static double ReciprocalRank(IReadOnlyList<string> ranking, IReadOnlySet<string> relevant)
    {
        for (var i = 0; i < Math.Min(Cutoff, ranking.Count); i++)
        {
            if (relevant.Contains(ranking[i]))
            {
                return 1.0 / (i + 1);
            }
        }

        return 0;
    }

    /// <summary>nDCG@10 with binary relevance.</summary>
    public static double Ndcg(IReadOnlyList<string> ranking, IReadOnlySet<string> relevant)
    {
        var dcg = 0.0;
        for (var i = 0; i < Math.Min(Cutoff, ranking.Count); i++)
        {
            dcg += relevant.Contains(ranking[i]) ? Gain(i) : 0;
        }

        var ideal = Enumerable.Range(0, Math.Min(Cutoff, relevant.Count)).Sum(Gain);
        return ideal == 0 ? 0 : dcg / ideal;
    }

    private static double Gain(int index) => 1 / Math.Log2(index + 2);
}
