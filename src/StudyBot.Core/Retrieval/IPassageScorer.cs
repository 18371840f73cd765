namespace StudyBot.Core.Retrieval;

/// <summary>How close passages (sentences, table rows, code lines of retrieved chunks) are in meaning to a question.</summary>
public interface IPassageScorer
{
    /// <summary>Cosine similarity of each passage to the question.</summary>
    Task<PassageScores> ScoreAsync(string question, IReadOnlyList<string> passages, CancellationToken cancellationToken);
}

/// <param name="Similarities">Per passage, in order.</param>
/// <param name="RelevantAbove">
/// The similarity above which a passage answers the question, calibrated for the embedding model;
/// null when the model's scale is unknown (remote models, feature hashing): then only words decide.
/// </param>
public sealed record PassageScores(IReadOnlyList<double> Similarities, double? RelevantAbove);
