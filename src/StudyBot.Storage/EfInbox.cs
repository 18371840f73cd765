using Microsoft.EntityFrameworkCore;
using StudyBot.Core.Inbox;

namespace StudyBot.Storage;

/// <summary>
/// The durable inbox in the app store. Claims are leases taken with a compare-and-set on the
/// attempt count, so several hosts on one database never process an item at the same time.
/// </summary>
public sealed class EfInbox(AppStore store, InboxAcceptWriter accepts, TimeProvider time) : IInbox
{
    private TaskCompletionSource _work = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <remarks>Concurrent accepts share one transaction (<see cref="InboxAcceptWriter"/>).</remarks>
    public async Task<bool> TryAcceptAsync(string key, string channel, string payload, CancellationToken cancellationToken)
    {
        if (!await accepts.AcceptAsync(key, channel, payload, cancellationToken))
        {
            return false;
        }

        Signal();
        return true;
    }

    public async Task<IReadOnlyList<InboxItem>> ClaimAsync(IReadOnlyCollection<string> channels, int max, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        var now = time.GetUtcNow();
        var candidates = await context.Inbox.AsNoTracking()
            .Where(i => i.Status == InboxStatus.Pending && i.AvailableAt <= now && channels.Contains(i.Channel))
            .OrderBy(i => i.AvailableAt)
            .Take(max)
            .ToListAsync(cancellationToken);
        var claimed = new List<InboxItem>();
        foreach (var item in candidates)
        {
            var until = now + lease;
            var updated = await context.Inbox
                .Where(i => i.Key == item.Key && i.Attempts == item.Attempts && i.Status == InboxStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Attempts, item.Attempts + 1).SetProperty(i => i.AvailableAt, until), cancellationToken);
            if (updated == 1)
            {
                claimed.Add(new InboxItem(item.Key, item.Channel, item.Payload, item.ReceivedAt, item.Attempts + 1, item.State));
            }
        }

        return claimed;
    }

    public async Task SaveStateAsync(string key, string state, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        await context.Inbox.Where(i => i.Key == key).ExecuteUpdateAsync(s => s.SetProperty(i => i.State, state), cancellationToken);
    }

    public async Task CompleteAsync(string key, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        var now = time.GetUtcNow();
        await context.Inbox.Where(i => i.Key == key).ExecuteUpdateAsync(
            s => s.SetProperty(i => i.Status, InboxStatus.Done).SetProperty(i => i.CompletedAt, now), cancellationToken);
    }

    public async Task FailAsync(string key, string reason, TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        var now = time.GetUtcNow();
        var status = retryAfter is null ? InboxStatus.Failed : InboxStatus.Pending;
        var available = now + (retryAfter ?? TimeSpan.Zero);
        await context.Inbox.Where(i => i.Key == key).ExecuteUpdateAsync(
            s => s.SetProperty(i => i.Status, status).SetProperty(i => i.LastError, reason).SetProperty(i => i.AvailableAt, available),
            cancellationToken);
        if (retryAfter is not null)
        {
            Signal();
        }
    }

    public async Task WaitForWorkAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var work = Volatile.Read(ref _work).Task;
        try
        {
            await work.WaitAsync(timeout, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Periodic poll: retries come due and other hosts accept items too.
        }
    }

    private void Signal()
    {
        var previous = Interlocked.Exchange(ref _work, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        previous.TrySetResult();
    }
}
