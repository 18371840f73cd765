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

/// <summary>chat.delete.</summary>
internal sealed record DeleteMessageRequest(string Channel, string Ts);

/// <summary>
/// chat.startStream: a reply that is written as it streams. Outside direct messages Slack requires the
/// person the stream is for (<paramref name="RecipientUserId"/> and their <paramref name="RecipientTeamId"/>).
/// </summary>
internal sealed record StartStreamRequest(string Channel, string ThreadTs, string MarkdownText, string? RecipientUserId = null, string? RecipientTeamId = null);

/// <summary>chat.appendStream: more markdown for the streaming message <paramref name="Ts"/>.</summary>
internal sealed record AppendStreamRequest(string Channel, string Ts, string MarkdownText);

/// <summary>chat.stopStream: the last markdown, and blocks shown below the streamed text (sources, buttons).</summary>
internal sealed record StopStreamRequest(string Channel, string Ts, string? MarkdownText = null, IReadOnlyList<Block>? Blocks = null, MessageMetadata? Metadata = null);
