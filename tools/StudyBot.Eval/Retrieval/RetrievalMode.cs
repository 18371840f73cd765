namespace StudyBot.Eval.Retrieval;

/// <summary>The rankings compared: BM25 alone, dense vectors alone, and both fused (what StudyBot serves).</summary>
internal enum RetrievalMode
{
    Lexical,
    Dense,
    Hybrid,
}
