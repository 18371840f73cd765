namespace StudyBot.Core.Conversations;

/// <summary>
/// What a person is looking at beside a side conversation with StudyBot: Slack's assistant pane
/// records the channel open next to it, so questions asked in the pane search that channel's sources.
/// Kept in the app store, so any instance and a restart see it.
/// </summary>
public interface IConversationContextStore
{
    /// <summary>Records (or replaces) the space viewed beside <paramref name="conversation"/>; null = none in particular.</summary>
    Task SaveAsync(ConversationAddress conversation, string? viewedSpace, CancellationToken cancellationToken);

    /// <summary>The context recorded for the conversation; null when it is no side conversation StudyBot knows.</summary>
    Task<ConversationContext?> FindAsync(ConversationAddress conversation, CancellationToken cancellationToken);
}

/// <param name="ViewedSpace">The space open beside the conversation (a Slack channel id), if any.</param>
public sealed record ConversationContext(string? ViewedSpace, DateTimeOffset UpdatedAt);
