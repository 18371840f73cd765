using StudyBot.Core.Conversations;

namespace StudyBot.Core.Quizzes;

/// <summary>
/// A multiple-choice question made from one indexed chunk. It stays valid only while that chunk's
/// text hashes to <see cref="ContentHash"/>; a changed or removed chunk retires it.
/// </summary>
/// <param name="Id">Stable for the same chunk text and stem, so learner history survives regeneration.</param>
/// <param name="Evidence">The sentence of the chunk that proves the correct option.</param>
/// <param name="Explanation">Why the correct option is right, shown after answering.</param>
public sealed record QuizQuestion(
    string Id,
    string ChunkId,
    string ContentHash,
    string Topic,
    string Stem,
    IReadOnlyList<string> Options,
    int CorrectOption,
    string Evidence,
    string Explanation,
    Citation Citation)
{
    /// <summary>Every question has this many options, exactly one of them correct.</summary>
    public const int OptionCount = 4;

    public string CorrectText => Options[CorrectOption];
}
