using Hangfire;
using StudyBot.Assistant.Commands;
using StudyBot.Core.Conversations;
using StudyBot.Core.Ingestion;
using StudyBot.Knowledge.Ingestion;
using StudyBot.Knowledge.Sources;
using StudyBot.Operations.Alerts;

namespace StudyBot.Operations.Jobs;

/// <summary>
/// Hangfire job methods (public, idempotent). A run holds its source's lock in the run store for its
/// whole duration; a failed run throws so Hangfire retries it with backoff, and its error stays in the
/// run store and the status until a run succeeds.
/// </summary>
public sealed partial class IngestionJobs(
    KnowledgeIngestion ingestion,
    SourceCatalog catalog,
    ISourceRunStore runs,
    ConversationPoster poster,
    SourceFailureAlerts alerts,
    ILogger<IngestionJobs> logger)
{
    /// <summary>A queued run (manual trigger); the source was reserved before it was enqueued.</summary>
    /// <param name="notify">The conversation that asked for the run, told how it went.</param>
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [15, 60, 300], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    [JobDisplayName("Re-index {0}")]
    public async Task RunAsync(string source, ConversationAddress? notify, CancellationToken cancellationToken)
    {
        var result = await RunOnceAsync(source, cancellationToken);
        if (result is null)
        {
            return;
        }

        if (notify is not null)
        {
            await poster.PostAsync(notify, Outcome(source, result), cancellationToken);
        }

        if (result.Failure is { } failure)
        {
            throw new IngestionFailedException(source, failure);
        }
    }

    /// <summary>A run started by the source's schedule; skipped when one is already queued or running.</summary>
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [15, 60, 300], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    [JobDisplayName("Scheduled re-index of {0}")]
    public async Task RunScheduledAsync(string source, CancellationToken cancellationToken)
    {
        if (!await runs.TryReserveAsync(source, cancellationToken))
        {
            LogSkipped(source);
            return;
        }

        if (await RunOnceAsync(source, cancellationToken) is { Failure: { } failure })
        {
            throw new IngestionFailedException(source, failure);
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

    /// <returns>The run's result; null when another run of the source holds its lock (that run reports itself).</returns>
    private async Task<IngestionResult?> RunOnceAsync(string name, CancellationToken cancellationToken)
    {
        if (catalog.Find(name) is not { } source)
        {
            var gone = new IngestionResult(new IngestionCounts(0, 0, 0, 0, 0, 0), "source is no longer configured", []);
            await runs.FinishAsync(name, gone, cancellationToken);
            return gone;
        }

        if (await ingestion.IngestAsync(source, progress: null, cancellationToken) is not { } outcome)
        {
            LogBusy(name);
            return null;
        }

        await alerts.RecordAsync(outcome, CancellationToken.None);
        return outcome.Result;
    }

    private static NoticeReply Outcome(string source, IngestionResult result)
    {
        var c = result.Counts;
        return new NoticeReply(result.Failure is { } failure
            ? $"Re-index of {source} failed: {failure}. It will be retried; `status` shows the latest."
            : $"Re-index of {source} finished: {c.Added} added, {c.Updated} updated, {c.Unchanged} unchanged, {c.Removed} removed, {c.Failed} failed in {c.DurationSeconds:0.0}s.");
    }

    [LoggerMessage(LogLevel.Information, "Scheduled re-index of {Source} skipped: a run is already queued or running")]
    private partial void LogSkipped(string source);

    [LoggerMessage(LogLevel.Information, "Re-index of {Source} skipped: another run of it is going on")]
    private partial void LogBusy(string source);

    [LoggerMessage(LogLevel.Warning, "Scheduled re-index of {Source} failed: {Reason}")]
    private partial void LogFailed(string source, string reason);
}

public sealed class IngestionFailedException(string source, string reason) : Exception($"ingestion of {source} failed: {reason}");
