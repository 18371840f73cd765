using System.Text.Json.Nodes;
using StudyBot.Teams.Wire;

namespace StudyBot.Teams.Rendering;

/// <summary>Small builders for Adaptive Card 1.5 JSON, the subset StudyBot's cards use.</summary>
internal static class AdaptiveCard
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string Version = "1.5";
    public const string Schema = "http://adaptivecards.io/schemas/adaptive-card.json";

    public static JsonObject Create(string fallbackText, IEnumerable<JsonNode> body, IEnumerable<JsonNode>? actions = null)
    {
        var card = new JsonObject
        {
            ["$schema"] = Schema,
            ["type"] = "AdaptiveCard",
            ["version"] = Version,
            ["fallbackText"] = fallbackText,
            ["body"] = new JsonArray([.. body]),
        };
        var actionList = actions?.ToArray() ?? [];
        if (actionList.Length > 0)
        {
            card["actions"] = new JsonArray(actionList);
        }

        return card;
    }

    public static JsonObject Text(string text, string? size = null, string? weight = null, bool subtle = false, string? color = null, bool separator = false)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (size is not null)
        {
            block["size"] = size;
        }

        if (weight is not null)
        {
            block["weight"] = weight;
        }

        if (subtle)
        {
            block["isSubtle"] = true;
        }

        if (color is not null)
        {
            block["color"] = color;
        }

        if (separator)
        {
            block["separator"] = true;
            block["spacing"] = "Medium";
        }

        return block;
    }

    public static JsonObject Facts(IEnumerable<(string Title, string Value)> facts) => new()
    {
        ["type"] = "FactSet",
        ["facts"] = new JsonArray([.. facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Title, ["value"] = f.Value })]),
    };

    public static JsonObject ActionSet(IEnumerable<JsonNode> actions) => new()
    {
        ["type"] = "ActionSet",
        ["actions"] = new JsonArray([.. actions]),
    };

    public static JsonObject OpenUrl(string title, string url) => new()
    {
        ["type"] = "Action.OpenUrl",
        ["title"] = title,
        ["url"] = url,
    };

    public static Attachment Attachment(JsonObject card) => new() { ContentType = ContentType, Content = card };

    /// <summary>A message activity carrying one card.</summary>
    public static Activity Message(JsonObject card) => new()
    {
        Type = ActivityTypes.Message,
        Attachments = [Attachment(card)],
        Summary = card["fallbackText"]?.GetValue<string>() is { } text && text.Length > 120 ? text[..117] + "..." : card["fallbackText"]?.GetValue<string>(),
    };
}
