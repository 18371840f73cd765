using StudyBot.Core.Quizzes;
using StudyBot.Core.Retrieval;

namespace StudyBot.Assistant.Quizzes;

/// <summary>Who a quiz is for: the learner whose record sets its level, and the conversation whose prompt variant writes it.</summary>
public sealed record QuizTaker(string UserId, string ConversationId);

/// <summary>What a quiz is to be made of and for whom.</summary>
/// <param name="Chunks">Chunks on the topic, best first; every question rests on one of them.</param>
/// <param name="Related">More chunks of the same area: knowledge for distractors and checks.</param>
/// <param name="Exclude">Ids of questions the quiz must not ask (a learner's reviews choose their own).</param>
/// <param name="Further">Chunks further down the ranking (the rest of the topic's pages): asked only when <paramref name="Chunks"/> run short.</param>
public sealed record QuizBrief(
    IReadOnlyList<RetrievedChunk> Chunks, IReadOnlyList<RetrievedChunk> Related, string Topic, int Count, QuizLevel Level, QuizTaker Taker,
    IReadOnlySet<string>? Exclude = null, IReadOnlyList<RetrievedChunk>? Further = null);

/// <summary>The questions made, and the prompt variant when a chat model was asked to write them.</summary>
/// <param name="HasMaterial">False when the knowledge base has nothing on the topic at all.</param>
public sealed record ComposedQuiz(IReadOnlyList<QuizQuestion> Questions, string? PromptVersion, bool HasMaterial = true)
{
    public static readonly ComposedQuiz NoMaterial = new([], null, HasMaterial: false);
}
