using StudyBot.Slack.Rendering;




namespace StudyBot.Slack.Api;

/// <summary>chat.postMessage. Links are not unfurled: citations would otherwise fill the thread with previews.</summary>
internal sealed record PostMessageRequest(
    string Channel,
    string Text,
    IReadOnlyList<Block>? Blocks = null,
    string? ThreadTs = null,
    MessageMetadata? Metadata = null)
{
    public bool UnfurlLinks { get; init; }

    public bool UnfurlMedia { get; init; }
}

/// <summary>chat.update.</summary>
internal sealed record UpdateMessageRequest(string Channel, string Ts, string Text, IReadOnlyList<Block>? Blocks = null);

/// <summary>chat.postEphemeral.</summary>
internal sealed record PostEphemeralRequest(string Channel, string User, string Text, IReadOnlyList<Block>? Blocks = null, string? ThreadTs = null);

/// <summary>reactions.add.</summary>
internal sealed record AddReactionRequest(string Channel, string Timestamp, string Name);

/// <summary>Message metadata: StudyBot tags its messages with the event they answer, to find them again after a crash.</summary>
internal sealed record MessageMetadata(string EventType, IReadOnlyDictionary<string, string> EventPayload);
