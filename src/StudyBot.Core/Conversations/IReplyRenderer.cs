using StudyBot.Core.Quizzes;

namespace StudyBot.Core.Conversations;

/// <summary>
/// Renders every kind of engine reply for one surface: Block Kit, Adaptive Cards, the web response,
/// plain text. Each reply type calls its own method (<see cref="Reply.Render{T}"/>), so a new reply
/// type adds a method here, and no surface builds until it renders it.
/// </summary>
public interface IReplyRenderer<out T>
{
    T Answer(AnswerReply answer);

    T Notice(NoticeReply notice);

    T Status(StatusReply status);

    T QuizQuestion(QuizQuestionReply question);

    T QuizFeedback(QuizFeedbackReply feedback);

    T QuizResults(QuizResultsReply results);

    T Leaderboard(LeaderboardReply leaderboard);
}
