using Microsoft.Extensions.Logging;
using StudyBot.Core.Inbox;

namespace StudyBot.Adapters.Handling;

/// <summary>
/// The inbox handler of one adapter: reads each accepted item into the adapter's work, hands it to the
/// handler of its kind, and decides what a failure means. Unreadable items and errors that no retry can
/// fix (the platform refused for good) are logged and given up; anything else propagates, so the
/// dispatcher retries the item with backoff.
/// </summary>
public abstract partial class AdapterInbox<TWork>(IEnumerable<IWorkHandler<TWork>> handlers, ILogger logger) : IInboxHandler
    where TWork : class
{
    private readonly Dictionary<string, IWorkHandler<TWork>> _handlers = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);

    public abstract string Channel { get; }

    public async Task HandleAsync(InboxItem item, CancellationToken cancellationToken)
    {
        var (work, problem) = Read(item);
        if (work is null)
        {
            LogUnreadable(Channel, item.Key, problem ?? "empty");
            return;
        }

        if (KindOf(work) is not { } kind)
        {
            LogNothingToDo(Channel, item.Key);
            return;
        }

        if (!_handlers.TryGetValue(kind, out var handler))
        {
            LogUnreadable(Channel, item.Key, "no handler for " + kind);
            return;
        }

        try
        {
            await handler.HandleAsync(work, item, cancellationToken);
        }
        catch (Exception ex) when (Unrecoverable(ex) is { } reason)
        {
            LogGivenUp(ex, Channel, item.Key, reason);
        }
    }

    /// <returns>The work, or null and why the item cannot be read.</returns>
    protected abstract (TWork? Work, string? Problem) Read(InboxItem item);

    /// <returns>The kind of handler the work needs, or null when there is nothing to do.</returns>
    protected abstract string? KindOf(TWork work);

    /// <returns>Why no retry can fix this failure, or null to let the dispatcher retry the item.</returns>
    protected abstract string? Unrecoverable(Exception exception);

    [LoggerMessage(LogLevel.Error, "{Channel} item {Key} is unreadable and was dropped: {Reason}")]
    private partial void LogUnreadable(string channel, string key, string reason);

    [LoggerMessage(LogLevel.Debug, "{Channel} item {Key}: nothing to answer")]
    private partial void LogNothingToDo(string channel, string key);

    [LoggerMessage(LogLevel.Error, "{Channel} item {Key} given up: {Reason}, which a retry cannot fix")]
    private partial void LogGivenUp(Exception exception, string channel, string key, string reason);
}
