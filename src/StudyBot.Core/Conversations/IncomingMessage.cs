namespace StudyBot.Core.Conversations;

/// <summary>A message from any channel, already stripped of platform syntax such as bot mentions.</summary>
/// <param name="Address">Where the message came from and where to answer: a Slack channel + thread, a Teams conversation.</param>
/// <param name="Sources">Sources this conversation searches; null = all.</param>
/// <param name="History">Earlier turns of the thread, oldest first, for follow-up questions.</param>
/// <param name="Origin">The workspace, team and channel the message came from, when the platform says.</param>
/// <param name="Personal">A one-to-one chat (Slack DM, Teams personal chat, the playground): a quiz there is personal.</param>
public sealed record IncomingMessage(
    ConversationAddress Address,
    string UserId,
    string Text,
    bool IsAdmin = false,
    IReadOnlyCollection<string>? Sources = null,
    IReadOnlyList<ConversationTurn>? History = null,
    MessageOrigin? Origin = null,
    bool Personal = false)
{
    /// <summary>"slack", "teams", "web", "api", "cli".</summary>
    public string Channel => Address.Channel;
}

/// <summary>Slack workspace or Teams tenant, team and channel ids of a message.</summary>
public sealed record MessageOrigin(string? TenantId, string? TeamId, string? ChannelId);

/// <summary>One earlier message of a thread; <see cref="FromBot"/> marks StudyBot's own replies.</summary>
public sealed record ConversationTurn(bool FromBot, string Text);
