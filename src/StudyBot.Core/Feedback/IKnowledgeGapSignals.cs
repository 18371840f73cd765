namespace StudyBot.Core.Feedback;

/// <summary>
/// Evidence that a page of the knowledge base needs work, for the knowledge-gap report, which groups
/// every registered source of signals by page. The answer log contributes 👎 answers (kind
/// "thumbs-down", one signal per cited page), the quiz store its wrong answers (kind "quiz-miss", the
/// page the question came from).
/// </summary>
public interface IKnowledgeGapSignals
{
    /// <summary>Short name of the signal, shown as a column of the report.</summary>
    string Kind { get; }

    Task<IReadOnlyList<PageSignal>> GetSignalsAsync(DateTimeOffset? since, CancellationToken cancellationToken);
}

/// <param name="Link">The page as citations name it: path in a Files source, or the page URL.</param>
/// <param name="Example">What went wrong there, e.g. the question asked.</param>
/// <param name="Reason">Why, when the user said (a 👎's reason: wrong, outdated, missing-source, other).</param>
public sealed record PageSignal(string Source, string Link, string Title, string Example, string? Reason = null);
