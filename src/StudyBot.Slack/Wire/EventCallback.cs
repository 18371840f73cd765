namespace StudyBot.Slack.Wire;

/// <summary>The outer Events API body: url_verification or event_callback.</summary>
internal sealed record EventCallback(string? Type, string? EventId, string? TeamId, string? Challenge, SlackEvent? Event)
{
    public const string UrlVerification = "url_verification";
    public const string Callback = "event_callback";
}

/// <summary>The inner event: app_mention or message (the fields StudyBot reads).</summary>
internal sealed record SlackEvent(
    string? Type,
    string? Subtype,
    string? User,
    string? BotId,
    string? Text,
    string? Ts,
    string? ThreadTs,
    string? Channel,
    string? ChannelType)
{
    public const string AppMention = "app_mention";
    public const string Message = "message";

    /// <summary>The workspace the event happened in (message events; app_mention's "team" as well).</summary>
    public string? Team { get; init; }

    /// <summary>The workspace of the person who wrote the message, where it differs in a shared channel.</summary>
    public string? UserTeam { get; init; }

    /// <summary>A direct message with StudyBot (message.im, or a D… channel).</summary>
    public bool IsDirect => ChannelType == "im" || (ChannelType is null && Channel?.StartsWith('D') == true);

    /// <summary>A reply inside a thread (not the thread's first message).</summary>
    public bool IsThreadReply => ThreadTs is not null && ThreadTs != Ts;

    /// <summary>The thread StudyBot answers in: the question's thread, or a new one under it.</summary>
    public string ThreadRoot => ThreadTs ?? Ts ?? "";
}

internal sealed record ChallengeResponse(string Challenge);
