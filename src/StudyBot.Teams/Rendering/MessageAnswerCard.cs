using System.Text.Json.Nodes;
using StudyBot.Assistant.Rendering;
using StudyBot.Core.Conversations;

namespace StudyBot.Teams.Rendering;

/// <summary>
/// The dialog of "Ask StudyBot about this message": the message asked about, StudyBot's answer with its
/// sources, and a button that posts the answer in the conversation for everyone.
/// </summary>
internal static class MessageAnswerCard
{
    public const string Title = "StudyBot";
    public const string PostAction = "post-answer";

    public static JsonObject Render(string message, AnswerReply answer, CitationLinks links)
    {
        var body = new List<JsonNode> { AdaptiveCard.Text("About: " + Shorten(message, 300), size: "Small", subtle: true) };
        body.AddRange(AnswerCard.Body(answer, links));
        var actions = new List<JsonNode>();
        if (answer.AnswerId is { } id)
        {
            actions.Add(new JsonObject
            {
                ["type"] = "Action.Submit",
                ["title"] = "Post in this conversation",
                ["data"] = new JsonObject { ["studybot"] = PostAction, ["value"] = id },
            });
        }

        return AdaptiveCard.Create(PlainTextRenderer.Instance.Answer(answer), body, actions);
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
