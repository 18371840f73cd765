using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using StudyBot.Core.Conversations;
using StudyBot.Core.Quizzes;
using StudyBot.Teams.Configuration;

namespace StudyBot.Teams.Rendering;

/// <summary>Renders the engine's replies as Adaptive Cards: one card per reply, its plain text as the fallback.</summary>
internal sealed class AdaptiveCardRenderer(IOptions<TeamsOptions> options, FileLinkSigner? signer = null) : IReplyRenderer<JsonObject>
{
    public const string WelcomeHeading = "👋 Hi, I'm StudyBot";

    public CitationLinks Links => options.Value.Links(signer);

    public JsonObject Render(Reply reply) => reply.Render(this);

    public JsonObject Answer(AnswerReply answer) => AnswerCard.Render(answer, Links);

    public JsonObject Notice(NoticeReply notice) => NoticeCard.Render(notice.Text);

    public JsonObject Status(StatusReply status) => StatusCard.Render(status);

    public JsonObject QuizQuestion(QuizQuestionReply question) => QuizCards.Question(question);

    public JsonObject QuizFeedback(QuizFeedbackReply feedback) => QuizCards.Feedback(feedback, Links);

    public JsonObject QuizResults(QuizResultsReply results) => QuizCards.Results(results);

    public JsonObject Leaderboard(LeaderboardReply leaderboard) => QuizCards.Leaderboard(leaderboard);

    /// <summary>The card StudyBot introduces itself with when it is added: the engine's help under a greeting.</summary>
    public static JsonObject Welcome(string help) => NoticeCard.Render(help, WelcomeHeading);
}
