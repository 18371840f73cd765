using StudyBot.Core.Conversations;
using StudyBot.Core.Quizzes;
using StudyBot.Teams.Wire;

namespace StudyBot.Teams.Rendering;

/// <summary>The engine's replies as the message activities StudyBot sends: an answer as an AI message, every other reply as its card.</summary>
internal sealed class ActivityRenderer(AdaptiveCardRenderer cards) : IReplyRenderer<Activity>
{
    public Activity Render(Reply reply) => reply.Render(this);

    public Activity Answer(AnswerReply answer) => AnswerMessage.Render(answer, cards.Links);

    public Activity Notice(NoticeReply notice) => AdaptiveCard.Message(cards.Notice(notice));

    public Activity Status(StatusReply status) => AdaptiveCard.Message(cards.Status(status));

    public Activity QuizQuestion(QuizQuestionReply question) => AdaptiveCard.Message(cards.QuizQuestion(question));

    public Activity QuizFeedback(QuizFeedbackReply feedback) => AdaptiveCard.Message(cards.QuizFeedback(feedback));

    public Activity QuizResults(QuizResultsReply results) => AdaptiveCard.Message(cards.QuizResults(results));

    public Activity Leaderboard(LeaderboardReply leaderboard) => AdaptiveCard.Message(cards.Leaderboard(leaderboard));
}
