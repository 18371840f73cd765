namespace StudyBot.Slack.Wire;

/// <summary>An interaction payload (the form field "payload"); StudyBot handles block_actions.</summary>
internal sealed record InteractionPayload(
    string? Type,
    string? TriggerId,
    InteractionUser? User,
    InteractionContainer? Container,
    InteractionChannel? Channel,
    InteractionMessage? Message,
    string? ResponseUrl,
    IReadOnlyList<BlockAction>? Actions)
{
    public const string BlockActions = "block_actions";
    public const string MessageAction = "message_action";

    /// <summary>The callback_id of the shortcut used (message_action).</summary>
    public string? CallbackId { get; init; }

    public string? ChannelId => Channel?.Id ?? Container?.ChannelId;

    /// <summary>The thread the clicked message is in, or the message itself.</summary>
    public string? ThreadTs => Message?.ThreadTs ?? Container?.ThreadTs ?? Message?.Ts ?? Container?.MessageTs;
}

internal sealed record InteractionUser(string? Id, string? Username, string? TeamId);

internal sealed record InteractionContainer(string? Type, string? MessageTs, string? ThreadTs, string? ChannelId, bool? IsEphemeral);

internal sealed record InteractionChannel(string? Id, string? Name);

internal sealed record InteractionMessage(string? Ts, string? ThreadTs, string? BotId, string? User)
{
    /// <summary>The message's text (a message shortcut's selected message).</summary>
    public string? Text { get; init; }
}

/// <summary>One pressed button or chosen option.</summary>
internal sealed record BlockAction(string? Type, string? ActionId, string? BlockId, string? Value, SelectedOption? SelectedOption, string? ActionTs)
{
    /// <summary>The button's value, or the chosen option's.</summary>
    public string ChosenValue => Value ?? SelectedOption?.Value ?? "";
}

internal sealed record SelectedOption(string? Value);
