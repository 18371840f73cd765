using System.Text.Json.Nodes;
using StudyBot.Core.Conversations;
using StudyBot.Core.Quizzes;

namespace StudyBot.Teams.Cards;

/// <summary>The Adaptive Card for each kind of engine reply.</summary>
internal static class ReplyCards
{
    public const string WelcomeHeading = "👋 Hi, I'm StudyBot";

    public static JsonObject Render(Reply reply, CitationLinks links) => reply switch
    {
        AnswerReply answer => AnswerCard.Render(answer, links),
        StatusReply status => StatusCard.Render(status.Status, status.HelpfulRates),
        NoticeReply notice => NoticeCard.Render(notice.Text),
        QuizQuestionReply question => QuizCards.Question(question),
        QuizFeedbackReply feedback => QuizCards.Feedback(feedback, links),
        QuizResultsReply results => QuizCards.Results(results),
        LeaderboardReply leaderboard => QuizCards.Leaderboard(leaderboard),
        _ => NoticeCard.Render(reply.ToString() ?? ""),
    };
}
