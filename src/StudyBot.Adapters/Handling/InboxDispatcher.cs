using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StudyBot.Core.Inbox;
using StudyBot.Core.Threading;

namespace StudyBot.Adapters.Handling;

/// <summary>
/// Hands accepted items to their channel's handler, a few at a time. A handler that throws gets
/// the item back later with exponential backoff and jitter; after five attempts it is given up
/// and its error kept. Handlers (answering) run on threads of their own, one fewer than the machine
/// has cores, never on the thread pool: a burst of questions cannot take the pool workers or every
/// core from the webhooks that must be acknowledged at once.
/// </summary>
public sealed partial class InboxDispatcher(
    IInbox inbox,
    IEnumerable<IInboxHandler> handlers,
    TimeProvider time,
    ILogger<InboxDispatcher> logger) : BackgroundService
{
    private const int MaxAttempts = 5;
    private const int BatchSize = 8;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private readonly Dictionary<string, IInboxHandler> _handlers = handlers.ToDictionary(h => h.Channel, StringComparer.Ordinal);
    private readonly DedicatedThreadScheduler _answering = new("StudyBot answering", Math.Max(1, Environment.ProcessorCount - 1), nice: 10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_handlers.Count == 0)
        {
            return;
        }

        var channels = _handlers.Keys.ToList();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var items = await inbox.ClaimAsync(channels, BatchSize, Lease, stoppingToken);
                if (items.Count == 0)
                {
                    await inbox.WaitForWorkAsync(TimeSpan.FromSeconds(1), stoppingToken);
                    continue;
                }

                await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = stoppingToken }, ProcessAsync);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The store itself failed (database down): wait and try again.
                LogStoreFailed(ex);
                await Task.Delay(TimeSpan.FromSeconds(2), time, stoppingToken);
            }
        }
    }

    private async ValueTask ProcessAsync(InboxItem item, CancellationToken cancellationToken)
    {
        try
        {
            await _answering.RunAsync(() => _handlers[item.Channel].HandleAsync(item, cancellationToken), cancellationToken);
            await inbox.CompleteAsync(item.Key, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var retry = item.Attempts < MaxAttempts ? Backoff(item.Attempts) : (TimeSpan?)null;
            LogHandlerFailed(ex, item.Channel, item.Key, item.Attempts, retry?.TotalSeconds);
            await inbox.FailAsync(item.Key, ex.Message, retry, CancellationToken.None);
        }
    }

    public override void Dispose()
    {
        _answering.Dispose();
        base.Dispose();
    }

    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromSeconds(Math.Pow(2, attempt)) + TimeSpan.FromMilliseconds(Random.Shared.Next(0, 500));

    [LoggerMessage(LogLevel.Warning, "Handling {Channel} item {Key} failed (attempt {Attempt}); retry in {RetrySeconds}s (none = given up)")]
    private partial void LogHandlerFailed(Exception exception, string channel, string key, int attempt, double? retrySeconds);

    [LoggerMessage(LogLevel.Error, "The inbox store failed; retrying")]
    private partial void LogStoreFailed(Exception exception);
}
