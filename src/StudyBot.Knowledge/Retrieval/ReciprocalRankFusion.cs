namespace StudyBot.Knowledge.Retrieval;

/// <summary>
/// Reciprocal rank fusion: score(d) = Σ weightᵢ / (k + rankᵢ(d)), ranks from 1. Robust to the
/// rankings' incomparable score scales, which is why it fuses dense and BM25 results.
/// </summary>
public static class ReciprocalRankFusion
{
    public const int DefaultK = 60;

    public static IReadOnlyList<(string Key, double Score)> Fuse(
        IReadOnlyList<IReadOnlyList<string>> rankings,
        IReadOnlyList<double>? weights = null,
        int k = DefaultK)
    {
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var r = 0; r < rankings.Count; r++)
        {
            var weight = weights?[r] ?? 1.0;
            var ranking = rankings[r];
            for (var rank = 0; rank < ranking.Count; rank++)
            {
                scores[ranking[rank]] = scores.GetValueOrDefault(ranking[rank]) + weight / (k + rank + 1);
            }
        }

        return scores
            .OrderByDescending(kv => kv.Value)
            .ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => (kv.Key, kv.Value))
            .ToList();
    }
}
