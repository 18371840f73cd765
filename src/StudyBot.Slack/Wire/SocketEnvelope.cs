using System.Text.Json;

namespace StudyBot.Slack.Wire;

/// <summary>A Socket Mode message: hello, disconnect, or an envelope (events_api, slash_commands, interactive) to acknowledge.</summary>
internal sealed record SocketEnvelope(
    string? Type,
    string? EnvelopeId,
    JsonElement? Payload,
    bool AcceptsResponsePayload,
    int? RetryAttempt,
    string? RetryReason,
    string? Reason)
{
    public const string Hello = "hello";
    public const string Disconnect = "disconnect";
}

/// <summary>The acknowledgement of an envelope, with an optional response (a slash command's first message).</summary>
internal sealed record SocketAck(string EnvelopeId, CommandResponse? Payload = null);
