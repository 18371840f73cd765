using System.Text.Json;
using System.Text.Json.Nodes;
using StudyBot.Teams.Wire;

namespace StudyBot.Teams.Rendering;

/// <summary>
/// A StudyBot button: Action.Execute (Universal Actions, an adaptiveCard/action invoke) with an Action.Submit
/// fallback (a message with a value) for clients without Universal Actions. Both carry the engine's
/// action id and value, e.g. ("feedback", "{answerId}|up").
/// </summary>
internal static class CardAction
{
    /// <summary>Teams shows a user-specific view of a card to at most 60 users.</summary>
    public const int MaxRefreshUsers = 60;

    private const string ActionKey = "studybot";
    private const string ValueKey = "value";

    public static JsonObject Button(string title, string actionId, string value) => new()
    {
        ["type"] = "Action.Execute",
        ["title"] = title,
        ["verb"] = actionId,
        ["data"] = Data(actionId, value),
        ["fallback"] = new JsonObject
        {
            ["type"] = "Action.Submit",
            ["title"] = title,
            ["data"] = Data(actionId, value),
        },
    };

    /// <summary>
    /// A card's refresh: Teams sends the action (adaptiveCard/action, trigger "automatic") for each of
    /// <paramref name="userIds"/> (at most <see cref="MaxRefreshUsers"/>) when they see the card, and for anyone choosing Refresh.
    /// </summary>
    public static JsonObject Refresh(string actionId, string value, IEnumerable<string> userIds) => new()
    {
        ["action"] = new JsonObject { ["type"] = "Action.Execute", ["title"] = "Refresh", ["verb"] = actionId, ["data"] = Data(actionId, value) },
        ["userIds"] = new JsonArray([.. userIds.Select(id => (JsonNode)JsonValue.Create(id))]),
    };

    /// <summary>The same action as a suggested action under a message (Action.Submit, sent back as suggestedAction/submit).</summary>
    public static SuggestedAction Suggested(string title, string actionId, string value) => new("Action.Submit", title, Data(actionId, value));

    /// <summary>Reads the action from a message's Action.Submit value or an adaptiveCard/action invoke's value.</summary>
    public static bool TryRead(JsonElement? value, out string actionId, out string actionValue)
    {
        actionId = actionValue = "";
        if (value is not { ValueKind: JsonValueKind.Object } root)
        {
            return false;
        }

        // Invoke: { "action": { "type": "Action.Execute", "verb": ..., "data": {...} }, "trigger": ... }
        if (root.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.Object)
        {
            var data = action.TryGetProperty("data", out var d) ? d : default;
            actionId = String(data, ActionKey) ?? String(action, "verb") ?? "";
            actionValue = String(data, ValueKey) ?? "";
            return actionId.Length > 0;
        }

        // Action.Submit: the button's data is the message's value.
        if (String(root, ActionKey) is not { Length: > 0 } id || String(root, ValueKey) is not { } text)
        {
            return false;
        }

        (actionId, actionValue) = (id, text);
        return true;
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String
            ? property.GetString()
            : null;

    /// <summary>The data a StudyBot button sends back: the engine's action id and value.</summary>
    public static JsonObject Data(string actionId, string value) => new() { [ActionKey] = actionId, [ValueKey] = value };
}
