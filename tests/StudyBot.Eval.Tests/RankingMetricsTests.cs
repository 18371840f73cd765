using StudyBot.Core.Retrieval;
using StudyBot.Eval.Retrieval;

namespace StudyBot.Eval.Tests;

public sealed class RankingMetricsTests
{
    private static readonly HashSet<string> Relevant = ["b.pdf"];

    private static RetrievedChunk Chunk(string document) => new(Guid.NewGuid().ToString(), "eval", document, document, document, null, [], "text", 1);

    [Fact]
    public void DocumentRanking_RanksEachDocumentByItsBestChunk()
    {
        var ranking = RankingMetrics.DocumentRanking([Chunk("a.pdf"), Chunk("a.pdf"), Chunk("b.pdf"), Chunk("a.pdf"), Chunk("c.pdf")]);

        Assert.Equal(["a.pdf", "b.pdf", "c.pdf"], ranking);
    }

    [Fact]
    public void Metrics_RelevantDocumentSecond_GiveHalfReciprocalRankAndLogDiscount()
    {
        string[] ranking = ["a.pdf", "b.pdf", "c.pdf"];

        Assert.Equal(0, RankingMetrics.HitAt1(ranking, Relevant));
        Assert.Equal(0.5, RankingMetrics.ReciprocalRank(ranking, Relevant));
        Assert.Equal(1 / Math.Log2(3), RankingMetrics.Ndcg(ranking, Relevant), 9);
    }

    [Fact]
    public void Metrics_RelevantDocumentFirst_AreAllOne()
    {
        string[] ranking = ["b.pdf", "a.pdf"];

        Assert.Equal((1.0, 1.0, 1.0), (RankingMetrics.HitAt1(ranking, Relevant), RankingMetrics.ReciprocalRank(ranking, Relevant), RankingMetrics.Ndcg(ranking, Relevant)));
    }

    [Fact]
    public void Metrics_RelevantDocumentBelowTheCutoff_CountsNothing()
    {
        var ranking = Enumerable.Range(0, 10).Select(i => $"x{i}.pdf").Append("b.pdf").ToList();

        Assert.Equal((0.0, 0.0), (RankingMetrics.ReciprocalRank(ranking, Relevant), RankingMetrics.Ndcg(ranking, Relevant)));
    }
}
