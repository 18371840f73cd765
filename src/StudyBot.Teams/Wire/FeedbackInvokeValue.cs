using System.Text.Json;

namespace StudyBot.Teams.Wire;

/// <summary>
/// The value of Teams' feedback invokes: message/fetchTask {actionName: "feedback", actionValue: {reaction}} when
/// a 👍/👎 is pressed, and message/submitAction {actionName, actionValue: {reaction, feedback}} when its form is
/// sent; feedback is a JSON string, {"feedbackText": …} from Teams' default form or StudyBot's form's fields.
/// StudyBot's form sent as a dialog's task/submit carries the same fields in its data.
/// </summary>
internal sealed record FeedbackInvokeValue(bool Helpful, string? Text, string? Reason, string? AnswerId)
{
    public const string ActionName = "feedback";

    public static FeedbackInvokeValue? Read(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } root)
        {
            return null;
        }

        // message/fetchTask has been seen with its value wrapped in "data".
        if (root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object && !root.TryGetProperty("actionName", out _))
        {
            root = data;
        }

        if (String(root, "actionName") != ActionName || !root.TryGetProperty("actionValue", out var action) || action.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var helpful = String(action, "reaction") switch
        {
            "like" => true,
            "dislike" => false,
            _ => (bool?)null,
        };
        if (helpful is null)
        {
            return null;
        }

        // A dialog's task/submit carries the form's fields beside actionName, not inside a feedback string.
        var form = action.TryGetProperty("feedback", out _) ? Form(action) : root;
        return new FeedbackInvokeValue(helpful.Value, Blank(String(form, "feedbackText")), Blank(String(form, "reason")), Blank(String(form, "answerId")));
    }

    /// <summary>The form's fields: the feedback string parsed as JSON, or the feedback object itself.</summary>
    private static JsonElement Form(JsonElement action)
    {
        if (!action.TryGetProperty("feedback", out var feedback))
        {
            return default;
        }

        if (feedback.ValueKind == JsonValueKind.Object)
        {
            return feedback;
        }

        if (feedback.ValueKind != JsonValueKind.String)
        {
            return default;
        }

        var text = feedback.GetString()!;
        try
        {
            using var parsed = JsonDocument.Parse(text);
            return parsed.RootElement.ValueKind == JsonValueKind.Object ? parsed.RootElement.Clone() : default;
        }
        catch (JsonException)
        {
            // Some clients send the user's words as they are.
            using var plain = JsonDocument.Parse(JsonSerializer.Serialize(new Dictionary<string, string> { ["feedbackText"] = text }));
            return plain.RootElement.Clone();
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String
            ? property.GetString()
            : null;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
