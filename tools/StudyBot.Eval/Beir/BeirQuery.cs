namespace StudyBot.Eval.Beir;

/// <summary>
/// A question of the data set with its relevant documents (from qrels) and, when the data set has
/// one, its reference answer. No relevant document means the answer is not in the corpus.
/// </summary>
/// <param name="Number">1-based position in queries.jsonl; odd and even numbers split tuning from reporting.</param>
internal sealed record BeirQuery(string Id, int Number, string Text, IReadOnlySet<string> RelevantDocuments, string? ReferenceAnswer)
{
    public bool IsAnswerable => RelevantDocuments.Count > 0;
}
