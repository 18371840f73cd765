using StudyBot.Core.Conversations;

namespace StudyBot.Core.Quizzes;

/// <summary>A question with its answer buttons; each button carries <see cref="QuizAction.Value"/>.</summary>
/// <param name="Number">1-based position in the quiz.</param>
/// <param name="OpenSeconds">How long a channel question stays open; null for a personal quiz.</param>
/// <param name="Notice">Said before the first question, e.g. that the quiz has fewer questions than asked for.</param>
public sealed record QuizQuestionReply(
    string SessionId, int Number, int Total, string Topic, string Stem, IReadOnlyList<string> Options, bool Personal, int? OpenSeconds, string? Notice = null) : Reply
{
    public override T Render<T>(IReplyRenderer<T> renderer) => renderer.QuizQuestion(this);
}

/// <summary>Private feedback to the one who answered, with the explanation and its source.</summary>
/// <param name="Next">The next question or the results, for a personal quiz that moves on at once.</param>
/// <param name="Shared">The question as everyone else sees it, for a quiz in a shared conversation.</param>
public sealed record QuizFeedbackReply(
    bool Correct, string Stem, string Chosen, string CorrectText, string Explanation, Citation Citation, Reply? Next = null, QuizQuestionReply? Shared = null) : Reply
{
    public override T Render<T>(IReplyRenderer<T> renderer) => renderer.QuizFeedback(this);
}

/// <summary>The end of a quiz: the conversation's scores for it and the leaderboard.</summary>
public sealed record QuizResultsReply(string Topic, int Questions, QuizSessionState State, IReadOnlyList<LeaderboardEntry> Scores, IReadOnlyList<LeaderboardEntry> Leaderboard) : Reply
{
    public override T Render<T>(IReplyRenderer<T> renderer) => renderer.QuizResults(this);
}

/// <summary>The `leaderboard` command: correct answers per person across this conversation's quizzes.</summary>
public sealed record LeaderboardReply(IReadOnlyList<LeaderboardEntry> Entries) : Reply
{
    public override T Render<T>(IReplyRenderer<T> renderer) => renderer.Leaderboard(this);
}
