using System.Text.Json.Nodes;
using StudyBot.Core.Conversations;
using StudyBot.Core.Quizzes;

namespace StudyBot.Teams.Cards;

/// <summary>The Adaptive Card for each kind of engine reply.</summary>
internal static class ReplyCards
{
    public const string WelcomeHeading = "👋 Hi, I'm StudyBot";

    public static JsonObject Render(Reply reply, string? publicBaseUrl) => reply switch
    {
        AnswerReply answer => AnswerCard.Render(answer, publicBaseUrl),
        StatusReply status => StatusCard.Render(status.Status),
        NoticeReply notice => NoticeCard.Render(notice.Text),
        QuizQuestionReply question => QuizCards.Question(question),
        QuizFeedbackReply feedback => QuizCards.Feedback(feedback, publicBaseUrl),
        QuizResultsReply results => QuizCards.Results(results),
        LeaderboardReply leaderboard => QuizCards.Leaderboard(leaderboard),
        _ => NoticeCard.Render(reply.ToString() ?? ""),
    };
}
