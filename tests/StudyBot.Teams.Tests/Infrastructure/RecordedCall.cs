using System.Text.Json.Nodes;

namespace StudyBot.Teams.Tests.Infrastructure;

/// <summary>One request the fake Connector received: what StudyBot sent and with which bearer token.</summary>
internal sealed record RecordedCall(string Method, string Path, string? Authorization, JsonNode? Body)
{
    /// <summary>The activity id the Connector answered with (the message's id in Teams).</summary>
    public string? Id { get; init; }

    public string? Type => Body?["type"]?.GetValue<string>();

    public string? ReplyToId => Body?["replyToId"]?.GetValue<string>();

    /// <summary>The first attachment's Adaptive Card.</summary>
    public JsonNode? Card => Body?["attachments"]?[0]?["content"];

    public string CardText => Card?.ToJsonString() ?? "";

    /// <summary>The schema.org message entity of an AI answer (AI label, citations).</summary>
    public JsonNode? AiEntity => Body?["entities"]?.AsArray().FirstOrDefault(e => e?["type"]?.GetValue<string>() == "https://schema.org/Message");
}
