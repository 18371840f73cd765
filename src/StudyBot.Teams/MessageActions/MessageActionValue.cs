using System.Text.Json;

namespace StudyBot.Teams.MessageActions;

/// <summary>
/// The value of a message action's invokes (msteams-docs messaging-extensions/how-to/action-commands):
/// composeExtension/fetchTask carries commandId, commandContext "message" and messagePayload, the selected message
/// (create-task-module.md, "channel (reply to thread)"); composeExtension/submitAction carries commandId and data,
/// the Action.Submit data of the dialog's card (respond-to-task-module-submit.md).
/// </summary>
internal sealed record MessageActionValue(string CommandId, SelectedMessage? Message, JsonElement Data)
{
    /// <returns>The value, or null and why the invoke cannot be read.</returns>
    public static (MessageActionValue? Value, string? Problem) Read(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } root)
        {
            return (null, "The invoke has no value object.");
        }

        if (Text(root, "commandId") is not { Length: > 0 } command)
        {
            return (null, "The invoke's value has no commandId.");
        }

        var message = root.TryGetProperty("messagePayload", out var payload) && payload.ValueKind == JsonValueKind.Object
            ? SelectedMessage.Read(payload)
            : null;
        var data = root.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
        return (new MessageActionValue(command, message, data), null);
    }

    internal static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String
            ? property.GetString()
            : null;
}

/// <summary>The message a message action was chosen on: its id, its body (html or text) and its author's name.</summary>
internal sealed record SelectedMessage(string? Id, string ContentType, string Content, string? Author)
{
    public static SelectedMessage Read(JsonElement payload)
    {
        var body = payload.TryGetProperty("body", out var b) ? b : default;
        var from = payload.TryGetProperty("from", out var f) && f.ValueKind == JsonValueKind.Object ? f : default;
        var author = from.ValueKind == JsonValueKind.Object
            ? MessageActionValue.Text(from.TryGetProperty("user", out var user) ? user : default, "displayName")
                ?? MessageActionValue.Text(from.TryGetProperty("application", out var app) ? app : default, "displayName")
            : null;
        return new SelectedMessage(
            MessageActionValue.Text(payload, "id"),
            MessageActionValue.Text(body, "contentType") ?? "html",
            MessageActionValue.Text(body, "content") ?? "",
            author);
    }
}
