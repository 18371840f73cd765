using Hangfire;
using StudyBot.Assistant.Commands;
using StudyBot.Core.Conversations;
using StudyBot.Host.Alerts;
using StudyBot.Knowledge.Ingestion;
using StudyBot.Knowledge.Sources;

namespace StudyBot.Host.Jobs;

/// <summary>
/// Hangfire job methods (public, idempotent). A run holds its source's lease for its whole
/// duration; a failed run throws so Hangfire retries it with backoff, and its error stays in
/// the ledger and the status until a run succeeds.
/// </summary>
public sealed partial class IngestionJobs(
    KnowledgeIngestion ingestion,
    SourceCatalog catalog,
    IngestionTracker tracker,
    SourceRunLedger ledger,
    ConversationPoster poster,
    ILogger<IngestionJobs> logger,
    SourceFailureAlerts alerts)
{
    /// <summary>A queued run (manual trigger); the source was reserved before it was enqueued.</summary>
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [15, 60, 300], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    [JobDisplayName("Re-index {0}")]
    /// <param name="notify">The conversation that asked for the run, told how it went.</param>
    public async Task RunAsync(string source, ConversationAddress? notify, CancellationToken cancellationToken)
    {
        var outcome = await RunReservedAsync(source, cancellationToken);
        if (notify is not null)
        {
            await poster.PostAsync(notify, Outcome(outcome), cancellationToken);
        }

        if (outcome.Error is not null)
        {
            throw new IngestionFailedException(source, outcome.Error);
        }
    }

    /// <summary>A run started by the source's schedule; skipped when one is already queued or running.</summary>
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [15, 60, 300], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    [JobDisplayName("Scheduled re-index of {0}")]
    public async Task RunScheduledAsync(string source, CancellationToken cancellationToken)
    {
        if (!await ledger.TryReserveAsync(source, cancellationToken))
        {
            LogSkipped(source);
            return;
        }

        var outcome = await RunReservedAsync(source, cancellationToken);
        if (outcome.Error is not null)
        {
            throw new IngestionFailedException(source, outcome.Error);
        }
    }

    /// <summary>The re-index-all schedule: one scheduled run per configured source.</summary>
    [JobDisplayName("Scheduled re-index of all sources")]
    public async Task RunAllScheduledAsync(CancellationToken cancellationToken)
    {
        foreach (var source in catalog.All)
        {
            try
            {
                await RunScheduledAsync(source.Name, cancellationToken);
            }
            catch (IngestionFailedException ex)
            {
                LogFailed(source.Name, ex.Message);
            }
        }
    }

    private async Task<RunOutcome> RunReservedAsync(string name, CancellationToken cancellationToken)
    {
        var source = catalog.Find(name);
        if (source is null)
        {
            await ledger.FinishAsync(name, "source is no longer configured", cancellationToken);
            return new RunOutcome(name, null, "source is no longer configured");
        }

        await ledger.MarkRunningAsync(name, cancellationToken);
        using var heartbeat = new LeaseHeartbeat(ledger, name);
        try
        {
            var counts = await ingestion.IngestAsync(source, cancellationToken);
            var run = tracker.Get(name);
            var error = run.State == "failed" ? run.Failure : null;
            await ledger.FinishAsync(name, error, CancellationToken.None);
            await alerts.RecordRunAsync(name, error, CancellationToken.None);
            return new RunOutcome(name, counts, error);
        }
        catch (Exception ex)
        {
            await ledger.FinishAsync(name, ex.Message, CancellationToken.None);
            await alerts.RecordRunAsync(name, ex.Message, CancellationToken.None);
            throw;
        }
    }

    private static NoticeReply Outcome(RunOutcome outcome)
    {
        var c = outcome.Counts;
        return new NoticeReply(outcome.Error is not null
            ? $"Re-index of {outcome.Source} failed: {outcome.Error}. It will be retried; `status` shows the latest."
            : $"Re-index of {outcome.Source} finished: {c?.Added} added, {c?.Updated} updated, {c?.Unchanged} unchanged, {c?.Removed} removed, {c?.Failed} failed in {c?.DurationSeconds:0.0}s.");
    }

    private sealed record RunOutcome(string Source, StudyBot.Core.Retrieval.IngestionCounts? Counts, string? Error);

    /// <summary>Keeps the source's lease alive while a long run goes on.</summary>
    private sealed class LeaseHeartbeat : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;

        public LeaseHeartbeat(SourceRunLedger ledger, string source)
        {
            _loop = Task.Run(async () =>
            {
                using var timer = new PeriodicTimer(SourceRunLedger.Lease / 4);
                while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
                {
                    await ledger.ExtendAsync(source, _stop.Token).ConfigureAwait(false);
                }
            });
        }

        public void Dispose()
        {
            _stop.Cancel();
            try
            {
                _loop.Wait(TimeSpan.FromSeconds(5));
            }
            catch (AggregateException)
            {
                // cancelled
            }

            _stop.Dispose();
        }
    }

    [LoggerMessage(LogLevel.Information, "Scheduled re-index of {Source} skipped: a run is already queued or running")]
    private partial void LogSkipped(string source);

    [LoggerMessage(LogLevel.Warning, "Scheduled re-index of {Source} failed: {Reason}")]
    private partial void LogFailed(string source, string reason);
}

public sealed class IngestionFailedException(string source, string reason) : Exception($"ingestion of {source} failed: {reason}");
