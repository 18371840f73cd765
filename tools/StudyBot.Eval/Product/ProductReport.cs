using StudyBot.Eval.Beir;

namespace StudyBot.Eval.Product;

/// <summary>What the product-path evaluation measured: answers as /api/ask gives them.</summary>
/// <param name="Ingestion">Until every document was indexed (questions are answered from then on, by words).</param>
/// <param name="Embedding">Until every chunk had its vector (the questions were asked after this); null when they were asked before.</param>
/// <param name="EmbeddedWhileAsking">Chunks with their vector when the first question was asked and after the last.</param>
internal sealed record ProductReport(
    QuerySelection Selection,
    int Documents,
    int Chunks,
    TimeSpan Ingestion,
    TimeSpan? Embedding,
    (int First, int Last) EmbeddedWhileAsking,
    IReadOnlyList<ProductOutcome> Outcomes)
{
    public IReadOnlyList<ProductOutcome> Answerable => Outcomes.Where(o => o.Query.IsAnswerable).ToList();

    public IReadOnlyList<ProductOutcome> Unanswerable => Outcomes.Where(o => !o.Query.IsAnswerable).ToList();

    /// <summary>Share of answerable questions whose first citation is a relevant document (refusals count as misses).</summary>
    public double FirstCitationHitAt1 => Answerable.Count == 0 ? 0 : Answerable.Count(o => o.FirstCitationRelevant) / (double)Answerable.Count;

    public int AnswerableRefused => Answerable.Count(o => !o.Found);

    public int UnanswerableDeclined => Unanswerable.Count(o => !o.Found);

    /// <summary>Mean share of the reference answer's content words found in the answer text (answerable questions with a reference).</summary>
    public double KeyFactRecall => Answerable.Where(o => o.KeyFactRecall is not null).Select(o => o.KeyFactRecall!.Value).DefaultIfEmpty(0).Average();

    /// <summary>Answers giving at least half of the reference's content words.</summary>
    public int KeyFactsContained => Answerable.Count(o => o.KeyFactRecall >= 0.5);

    public double LatencyPercentile(double p)
    {
        var sorted = Outcomes.Select(o => o.LatencyMs).Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}

/// <param name="FirstCitation">The corpus document of the first citation; null when nothing was cited.</param>
/// <param name="LatencyMs">Client-side time of the POST /api/ask round trip.</param>
internal sealed record ProductOutcome(BeirQuery Query, bool Found, string? FirstCitation, bool FirstCitationRelevant, double? KeyFactRecall, string Answer, double LatencyMs);
