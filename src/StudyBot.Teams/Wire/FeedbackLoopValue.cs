using System.Text.Json;

namespace StudyBot.Teams.Wire;

/// <summary>
/// The value of Teams' feedback invokes (msteams-docs "Bot messages with AI-generated content", "Handle
/// feedback"): {"actionName":"feedback","actionValue":{"reaction":"like"|"dislike","feedback":"{...}"}}.
/// message/fetchTask carries the reaction alone; message/submitAction adds the form's fields as a JSON string
/// (Teams' default form: feedbackText; StudyBot's form: reason and feedbackText).
/// </summary>
internal sealed record FeedbackLoopValue(bool Helpful, string? Reason, string? Text)
{
    public const string ActionName = "feedback";
    public const string ReasonField = "reason";
    public const string TextField = "feedbackText";

    /// <summary>The feedback in an invoke's value, or null when it is no feedback invoke.</summary>
    public static FeedbackLoopValue? Read(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } root
            || String(root, "actionName") != ActionName
            || !root.TryGetProperty("actionValue", out var action))
        {
            return null;
        }

        var reaction = String(action, "reaction");
        if (reaction is not ("like" or "dislike"))
        {
            return null;
        }

        var fields = Fields(action);
        return new FeedbackLoopValue(reaction == "like", String(fields, ReasonField), String(fields, TextField));
    }

    /// <summary>The form's fields: a JSON string as documented, or an object as some clients send it.</summary>
    private static JsonElement Fields(JsonElement action)
    {
        if (action.ValueKind != JsonValueKind.Object || !action.TryGetProperty("feedback", out var feedback))
        {
            return default;
        }

        if (feedback.ValueKind != JsonValueKind.String)
        {
            return feedback;
        }

        try
        {
            using var parsed = JsonDocument.Parse(feedback.GetString()!);
            return parsed.RootElement.Clone();
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String
            ? property.GetString()
            : null;
}
