using System.Text.Json;
using System.Text.Json.Nodes;

namespace StudyBot.Teams.Cards;

/// <summary>
/// A StudyBot button: Action.Execute (Universal Actions, an adaptiveCard/action invoke) with an Action.Submit
/// fallback (a message with a value) for clients without Universal Actions. Both carry the engine's
/// action id and value, e.g. ("feedback", "{answerId}|up").
/// </summary>
internal static class CardAction
{
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

    /// <summary>Reads the action from a message's Action.Submit value or an adaptiveCard/action invoke's value.</summary>
    public static bool TryRead(JsonElement? value, out string actionId, out string actionValue)
    {
        actionId = actionValue = "";
        if (value is not { ValueKind: JsonValueKind.Object } root)
        {
            return false;
        }

        // Invoke: { "action": { "type": "Action.Execute", "verb": ..., "data": {...} }, "trigger": ... }
        var data = root.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.Object
            ? action.TryGetProperty("data", out var d) ? d : default
            : root;
        if (data.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var id = data.TryGetProperty(ActionKey, out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
        id ??= action.ValueKind == JsonValueKind.Object && action.TryGetProperty("verb", out var verb) && verb.ValueKind == JsonValueKind.String ? verb.GetString() : null;
        var text = data.TryGetProperty(ValueKey, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        if (string.IsNullOrEmpty(id) || text is null)
        {
            return false;
        }

        (actionId, actionValue) = (id, text);
        return true;
    }

    private static JsonObject Data(string actionId, string value) => new() { [ActionKey] = actionId, [ValueKey] = value };
}
