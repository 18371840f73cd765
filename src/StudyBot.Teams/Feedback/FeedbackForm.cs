using System.Text.Json.Nodes;
using StudyBot.Core.Feedback;
using StudyBot.Teams.Rendering;
using StudyBot.Teams.Wire;

namespace StudyBot.Teams.Feedback;

/// <summary>
/// StudyBot's feedback dialog, opened by Teams' 👍/👎 under an answer (message/fetchTask): after a 👎 what was
/// wrong — wrong, outdated, missing source, other — and free text, the same choices as Slack's form; after a 👍
/// a confirmation. Sending it comes back as message/submitAction with the fields.
/// </summary>
internal static class FeedbackForm
{
    public const string Title = "Feedback on StudyBot's answer";

    public static JsonObject Render(bool helpful)
    {
        var body = new List<JsonNode>();
        if (helpful)
        {
            body.Add(AdaptiveCard.Text("👍 Glad it helped. Send to record your vote."));
        }
        else
        {
            body.Add(AdaptiveCard.Text("👎 What was wrong with the answer? It goes into the knowledge-gap report for whoever keeps the docs."));
            body.Add(new JsonObject
            {
                ["type"] = "Input.ChoiceSet",
                ["id"] = FeedbackLoopValue.ReasonField,
                ["label"] = "What was wrong",
                ["style"] = "expanded",
                ["isRequired"] = true,
                ["errorMessage"] = "Pick what was wrong.",
                ["choices"] = new JsonArray([.. Enum.GetValues<FeedbackReasonKind>()
                    .Select(k => (JsonNode)new JsonObject { ["title"] = FeedbackReason.Label(k), ["value"] = FeedbackReason.NameOf(k) })]),
            });
            body.Add(new JsonObject
            {
                ["type"] = "Input.Text",
                ["id"] = FeedbackLoopValue.TextField,
                ["label"] = "Anything to add?",
                ["isMultiline"] = true,
                ["maxLength"] = FeedbackReason.MaxCommentLength,
                ["placeholder"] = "What should it have said, or where is it written?",
            });
        }

        return AdaptiveCard.Create(Title, body, [new JsonObject { ["type"] = "Action.Submit", ["title"] = "Send" }]);
    }
}
