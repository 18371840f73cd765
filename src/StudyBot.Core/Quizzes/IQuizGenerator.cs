using StudyBot.Core.Retrieval;

namespace StudyBot.Core.Quizzes;

/// <summary>
/// Proposes questions from chunks. Proposals are candidates: the caller validates each against its
/// chunk (<see cref="QuizQuestionValidator"/>) and keeps asking for more until it has enough. A
/// rule-built generator works without a model; a model-backed one (structured output) can be added
/// behind the same interface.
/// </summary>
public interface IQuizGenerator
{
    /// <param name="chunks">Chunks on the topic, best first; every question must cite one of them.</param>
    /// <param name="related">More chunks of the same area, for distractors only.</param>
    IAsyncEnumerable<QuizQuestion> ProposeAsync(
        IReadOnlyList<RetrievedChunk> chunks, IReadOnlyList<RetrievedChunk> related, string topic, CancellationToken cancellationToken);
}
