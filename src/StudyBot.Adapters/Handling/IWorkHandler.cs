using StudyBot.Core.Inbox;

namespace StudyBot.Adapters.Handling;

/// <summary>Handles one kind of an adapter's accepted work (a Slack event, a Teams message…), selected by <see cref="Kind"/>.</summary>
public interface IWorkHandler<in TWork>
{
    string Kind { get; }

    /// <summary>Handles the work; throwing makes the dispatcher retry the item later, unless the adapter gives the error up.</summary>
    Task HandleAsync(TWork work, InboxItem item, CancellationToken cancellationToken);
}
