using System.Text.Json.Nodes;

namespace StudyBot.Teams.Tests.Infrastructure;

/// <summary>One request the fake Connector received: what StudyBot sent and with which bearer token.</summary>
internal sealed record RecordedCall(string Method, string Path, string? Authorization, JsonNode? Body)
{
    /// <summary>The activity id the Connector answered with (the message's id in Teams) when it accepted the call.</summary>
    public string? SentId { get; init; }

    public string? Type => Body?["type"]?.GetValue<string>();

    public string? ReplyToId => Body?["replyToId"]?.GetValue<string>();

    /// <summary>The first attachment's Adaptive Card.</summary>
    public JsonNode? Card => Body?["attachments"]?[0]?["content"];

    public string CardText => Card?.ToJsonString() ?? "";

    /// <summary>The schema.org Message entity of an AI answer (its label and citations), or null.</summary>
    public JsonNode? AiEntity => Body?["entities"]?.AsArray().FirstOrDefault(e => e?["type"]?.GetValue<string>() == "https://schema.org/Message");

    /// <summary>The streaminfo entity of a streamed message's update or end, or null.</summary>
    public JsonNode? StreamInfo => Body?["entities"]?.AsArray().FirstOrDefault(e => e?["type"]?.GetValue<string>() == "streaminfo");

    /// <summary>What the user reads: the message's text, or its card's.</summary>
    public string Text => Body?["text"]?.GetValue<string>() is { Length: > 0 } text ? text : CardText;
}
