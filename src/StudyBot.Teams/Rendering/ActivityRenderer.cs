using StudyBot.Core.Conversations;
using StudyBot.Core.Quizzes;
using StudyBot.Teams.Wire;

namespace StudyBot.Teams.Rendering;

/// <summary>
/// The message activity of each reply in one conversation: an answer as an AI message (<see cref="AnswerMessage"/>),
/// everything else as an Adaptive Card.
/// </summary>
internal sealed class ActivityRenderer(AdaptiveCardRenderer cards, bool personal) : IReplyRenderer<Activity>
{
    public Activity Render(Reply reply) => reply.Render(this);

    public Activity Answer(AnswerReply answer) => AnswerMessage.Render(answer, cards.Links, personal);

    public Activity Notice(NoticeReply notice) => Card(notice);

    public Activity Status(StatusReply status) => Card(status);

    public Activity QuizQuestion(QuizQuestionReply question) => Card(question);

    public Activity QuizFeedback(QuizFeedbackReply feedback) => Card(feedback);

    public Activity QuizResults(QuizResultsReply results) => Card(results);

    public Activity Leaderboard(LeaderboardReply leaderboard) => Card(leaderboard);

    private Activity Card(Reply reply) => AdaptiveCard.Message(cards.Render(reply));
}
