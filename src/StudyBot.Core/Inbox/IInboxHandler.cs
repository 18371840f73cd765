namespace StudyBot.Core.Inbox;

/// <summary>Processes one channel's accepted items; registered by each adapter (Slack, Teams).</summary>
public interface IInboxHandler
{
    string Channel { get; }

    /// <summary>Handles an item; throwing makes the dispatcher retry it later with backoff.</summary>
    Task HandleAsync(InboxItem item, CancellationToken cancellationToken);
}
