using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace StudyBot.Storage;

/// <summary>
/// Group commit of accepted inbox items: accepts that arrive while a transaction is being written
/// wait for the next one and share it, so a burst of webhooks costs one commit (one fsync, one
/// write lock) rather than one each, and acknowledgements do not queue one behind another for the
/// database's write lock. A failed batch fails each of its accepts (their webhooks get a 500 and are
/// redelivered); an accept is answered only after its batch is committed.
/// </summary>
public sealed partial class InboxAcceptWriter : IAsyncDisposable, IDisposable
{
    /// <summary>Enough to take a whole burst at 500/s in one transaction, small enough that one commit stays short.</summary>
    private const int MaxBatch = 256;

    private readonly AppStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger<InboxAcceptWriter> _logger;
    private readonly Channel<PendingAccept> _pending = Channel.CreateUnbounded<PendingAccept>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writing;

    public InboxAcceptWriter(AppStore store, TimeProvider time, ILogger<InboxAcceptWriter> logger)
    {
        (_store, _time, _logger) = (store, time, logger);
        _writing = Task.Run(WriteAsync);
    }

    /// <returns>True when the key was new and the item is stored; false for a redelivery.</returns>
    public Task<bool> AcceptAsync(string key, string channel, string payload, CancellationToken cancellationToken)
    {
        var accept = new PendingAccept(key, channel, payload, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        ObjectDisposedException.ThrowIf(!_pending.Writer.TryWrite(accept), this);

        // The caller may stop waiting; its item is still written (a redelivery then finds it).
        return accept.Stored.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Writes what was accepted before, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await _writing;
    }

    /// <summary>Stops taking accepts; the last batch finishes on its own.</summary>
    public void Dispose() => _pending.Writer.TryComplete();

    private async Task WriteAsync()
    {
        var batch = new List<PendingAccept>(MaxBatch);
        while (await _pending.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var accept))
            {
                batch.Add(accept);
            }

            try
            {
                var inserted = await InsertAsync(batch);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Stored.TrySetResult(inserted[i]);
                }
            }
            catch (Exception ex)
            {
                LogBatchFailed(ex, batch.Count);
                foreach (var accept in batch)
                {
                    accept.Stored.TrySetException(ex);
                }
            }
        }
    }

    private async Task<bool[]> InsertAsync(List<PendingAccept> batch)
    {
        await using var context = _store.CreateContext();
        var now = ProviderValue(context, _time.GetUtcNow());
        var inserted = new bool[batch.Count];
        await using var transaction = await context.Database.BeginTransactionAsync();
        for (var i = 0; i < batch.Count; i++)
        {
            // One statement on both providers: a redelivery inserts nothing, without a failed insert to log.
            inserted[i] = await context.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO inbox ("Key", "Channel", "Payload", "Status", "Attempts", "ReceivedAt", "AvailableAt")
                VALUES ({0}, {1}, {2}, {3}, 0, {4}, {4})
                ON CONFLICT ("Key") DO NOTHING
                """,
                [batch[i].Key, batch[i].Channel, batch[i].Payload, InboxStatus.Pending, now]) == 1;
        }

        await transaction.CommitAsync();
        return inserted;
    }

    /// <summary>A timestamp as the provider stores it (SQLite: UTC ticks, through the model's converter).</summary>
    private static object ProviderValue(AppDbContext context, DateTimeOffset value)
    {
        var converter = context.Model.FindEntityType(typeof(InboxEntity))!.FindProperty(nameof(InboxEntity.ReceivedAt))!.GetTypeMapping().Converter;
        return converter?.ConvertToProvider(value) ?? value;
    }

    [LoggerMessage(LogLevel.Error, "Could not store {Count} accepted inbox items; their senders are told to deliver them again")]
    private partial void LogBatchFailed(Exception exception, int count);

    private sealed record PendingAccept(string Key, string Channel, string Payload, TaskCompletionSource<bool> Stored);
}
