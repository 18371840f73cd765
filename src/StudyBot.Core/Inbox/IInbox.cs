namespace StudyBot.Core.Inbox;

/// <summary>
/// Durable accepted work (a Slack event, a Teams activity). Adapters accept an item before they
/// acknowledge the platform; a dispatcher hands pending items to the channel's
/// <see cref="IInboxHandler"/>. The key (Slack event_id, Teams activity id) makes delivery idempotent.
/// </summary>
public interface IInbox
{
    /// <summary>Stores the item durably; false when its key was accepted before (a redelivery).</summary>
    Task<bool> TryAcceptAsync(string key, string channel, string payload, CancellationToken cancellationToken);

    /// <summary>Pending items (or ones whose lease ran out) for the channels given, leased to the caller.</summary>
    Task<IReadOnlyList<InboxItem>> ClaimAsync(IReadOnlyCollection<string> channels, int max, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Progress a handler needs after a crash, e.g. the id of a placeholder message it already posted.</summary>
    Task SaveStateAsync(string key, string state, CancellationToken cancellationToken);

    Task CompleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Records a failure; the item is offered again after <paramref name="retryAfter"/>, or given up when null.</summary>
    Task FailAsync(string key, string reason, TimeSpan? retryAfter, CancellationToken cancellationToken);

    /// <summary>Completes when an item may be waiting, so dispatchers need not poll tightly.</summary>
    Task WaitForWorkAsync(TimeSpan timeout, CancellationToken cancellationToken);
}

public sealed record InboxItem(string Key, string Channel, string Payload, DateTimeOffset ReceivedAt, int Attempts, string? State);
