using System.Text.Json.Nodes;
using StudyBot.Teams.Rendering;

namespace StudyBot.Teams.Wire;

/// <summary>The body answering an adaptiveCard/action invoke: a card that replaces the clicked one, or a message.</summary>
internal sealed record InvokeResponse(int StatusCode, string Type, JsonNode? Value)
{
    public const string MessageType = "application/vnd.microsoft.activity.message";

    public static InvokeResponse Card(JsonObject card) => new(200, AdaptiveCard.ContentType, card);

    public static InvokeResponse Message(string text) => new(200, MessageType, JsonValue.Create(text));
}
