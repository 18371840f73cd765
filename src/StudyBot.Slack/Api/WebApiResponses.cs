namespace StudyBot.Slack.Api;

/// <summary>Every Web API response: ok, and error when not ok.</summary>
internal record SlackResponse
{
    public bool Ok { get; init; }

    public string? Error { get; init; }

    public ResponseMetadata? ResponseMetadata { get; init; }
}

internal sealed record ResponseMetadata(string? NextCursor, IReadOnlyList<string>? Warnings, IReadOnlyList<string>? Messages);

/// <summary>chat.postMessage and chat.update.</summary>
internal sealed record MessageResponse : SlackResponse
{
    public string? Channel { get; init; }

    public string? Ts { get; init; }
}

internal sealed record AuthTestResponse : SlackResponse
{
    public string? UserId { get; init; }

    public string? User { get; init; }

    public string? BotId { get; init; }

    public string? TeamId { get; init; }

    public string? Team { get; init; }
}

/// <summary>conversations.replies.</summary>
internal sealed record RepliesResponse : SlackResponse
{
    public IReadOnlyList<ThreadMessage> Messages { get; init; } = [];

    public bool HasMore { get; init; }
}

internal sealed record ThreadMessage(string? Type, string? Subtype, string? User, string? BotId, string? Text, string? Ts, string? ThreadTs, MessageMetadata? Metadata);

/// <summary>apps.connections.open: a single-use WebSocket URL.</summary>
internal sealed record ConnectionsOpenResponse : SlackResponse
{
    public string? Url { get; init; }
}
