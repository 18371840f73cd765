using StudyBot.Eval.Beir;

namespace StudyBot.Eval.Retrieval;

/// <summary>The figures of one retrieval evaluation.</summary>
internal sealed record RetrievalReport(
    QuerySelection Selection,
    int Documents,
    int Chunks,
    TimeSpan Ingestion,
    IReadOnlyList<ModeFigures> Modes,
    AbstentionFigures Abstention)
{
    public ModeFigures this[RetrievalMode mode] => Modes.Single(m => m.Mode == mode);
}

/// <summary>Means over the labelled queries for one retrieval mode, and the time its searches took.</summary>
internal sealed record ModeFigures(
    RetrievalMode Mode,
    int Queries,
    double HitAt1,
    double Mrr,
    double Ndcg,
    double SupportRecall,
    TimeSpan Elapsed,
    IReadOnlyList<QueryOutcome> Outcomes);

/// <param name="Rank">1-based document rank of the first relevant document; 0 when not in the top ten.</param>
internal sealed record QueryOutcome(BeirQuery Query, int Rank, string? TopDocument);

/// <summary>How the extractive answerer treats questions whose answer is not in the corpus, and the labelled ones.</summary>
internal sealed record AbstentionFigures(int Unanswerable, int Refused, int Labelled, int WronglyRefused, TimeSpan Elapsed, IReadOnlyList<string> WronglyAnswered);
