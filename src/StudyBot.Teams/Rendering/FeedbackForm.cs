using System.Text.Json.Nodes;
using StudyBot.Teams.Wire;

namespace StudyBot.Teams.Rendering;

/// <summary>
/// StudyBot's feedback form, opened by Teams' 👍/👎 buttons on an answer (message/fetchTask): 👎 asks what was
/// wrong with a choice of reasons, both take a comment. Sending it comes back as message/submitAction with the
/// form's fields, the answer's id among them.
/// </summary>
internal static class FeedbackForm
{
    public const string Title = "Feedback on StudyBot's answer";

    /// <summary>Reasons a 👎 can give, as stored with the vote.</summary>
    public static readonly IReadOnlyList<(string Value, string Title)> Reasons =
    [
        ("wrong", "The answer is wrong"),
        ("outdated", "The answer is outdated"),
        ("missing-source", "A source is missing or does not say this"),
        ("other", "Something else"),
    ];

    public static JsonObject Render(bool helpful, string? answerId)
    {
        var body = new List<JsonNode> { AdaptiveCard.Text(helpful ? "👍 What did you like?" : "👎 What went wrong?", weight: "Bolder") };
        if (!helpful)
        {
            body.Add(new JsonObject
            {
                ["type"] = "Input.ChoiceSet",
                ["id"] = "reason",
                ["style"] = "expanded",
                ["isRequired"] = true,
                ["errorMessage"] = "Choose what went wrong.",
                ["choices"] = new JsonArray([.. Reasons.Select(r => (JsonNode)new JsonObject { ["title"] = r.Title, ["value"] = r.Value })]),
            });
        }

        body.Add(new JsonObject
        {
            ["type"] = "Input.Text",
            ["id"] = "feedbackText",
            ["isMultiline"] = true,
            ["maxLength"] = 1000,
            ["placeholder"] = helpful ? "Optional: what was useful" : "Optional: what the answer should have said",
        });
        var data = new JsonObject
        {
            ["actionName"] = FeedbackInvokeValue.ActionName,
            ["actionValue"] = new JsonObject { ["reaction"] = helpful ? "like" : "dislike" },
        };
        if (answerId is not null)
        {
            data["answerId"] = answerId;
        }

        return AdaptiveCard.Create(Title, body, [new JsonObject { ["type"] = "Action.Submit", ["title"] = "Send feedback", ["data"] = data }]);
    }
}
