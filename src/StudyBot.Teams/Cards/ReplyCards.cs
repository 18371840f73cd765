using System.Text.Json.Nodes;
using StudyBot.Core.Conversations;

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
        _ => NoticeCard.Render(reply.ToString() ?? ""),
    };
}
