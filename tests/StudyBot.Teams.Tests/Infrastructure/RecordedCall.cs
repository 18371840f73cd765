using System.Text.Json.Nodes;

namespace StudyBot.Teams.Tests.Infrastructure;

/// <summary>One request the fake Connector received: what StudyBot sent and with which bearer token.</summary>
internal sealed record RecordedCall(string Method, string Path, string? Authorization, JsonNode? Body)
{
    public string? Type => Body?["type"]?.GetValue<string>();

    public string? ReplyToId => Body?["replyToId"]?.GetValue<string>();

    /// <summary>The first attachment's Adaptive Card.</summary>
    public JsonNode? Card => Body?["attachments"]?[0]?["content"];

    public string CardText => Card?.ToJsonString() ?? "";
}
