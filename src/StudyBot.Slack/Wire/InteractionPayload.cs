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
    IReadOnlyList<BlockAction>? Actions,
    InteractionView? View = null)
{
    public const string BlockActions = "block_actions";
    public const string MessageAction = "message_action";
    public const string ViewSubmission = "view_submission";

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

/// <summary>The submitted modal of a view_submission: the values of its input blocks, by block_id then action_id.</summary>
internal sealed record InteractionView(
    string? Id, string? CallbackId, string? PrivateMetadata, ViewState? State);

internal sealed record ViewState(IReadOnlyDictionary<string, IReadOnlyDictionary<string, ViewStateValue>>? Values)
{
    /// <summary>A text input's value or the chosen option's, or null.</summary>
    public string? ValueOf(string blockId, string actionId) =>
        Values?.GetValueOrDefault(blockId)?.GetValueOrDefault(actionId) is { } value ? value.Value ?? value.SelectedOption?.Value : null;
}

internal sealed record ViewStateValue(string? Type, string? Value, SelectedOption? SelectedOption);

