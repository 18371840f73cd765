namespace StudyBot.Core.Ingestion;

/// <summary>
/// The one record of each source's runs, shared by every host on the app store: its state, progress,
/// last run, errors and failure streak, and the lock that lets one run at a time go on (a lease that
/// the running host renews and that runs out when the host dies). Status, the admin API, chat
/// <c>status</c>, alerts and the jobs dashboard all read it.
/// </summary>
public interface ISourceRunStore
{
    /// <summary>Reserves the source for a run to come (queued); false when one is already queued or running.</summary>
    Task<bool> TryReserveAsync(string source, CancellationToken cancellationToken);

    /// <summary>Takes the source's lock for a run (from queued, or from any state but a live run); false when another run holds it.</summary>
    Task<bool> TryStartAsync(string source, CancellationToken cancellationToken);

    /// <summary>Records a running ingestion's progress and renews its lease.</summary>
    Task ReportAsync(string source, IngestionProgress progress, CancellationToken cancellationToken);

    /// <summary>Records the run's result and releases the lock.</summary>
    /// <returns>The failure streak as it stood before this run: the one a success ends, or a failure extends.</returns>
    Task<FailureStreak> FinishAsync(string source, IngestionResult result, CancellationToken cancellationToken);

    /// <summary>Notes that the admins were told about the source's current failure streak.</summary>
    Task MarkStreakAlertedAsync(string source, CancellationToken cancellationToken);

    /// <summary>Every source that has been reserved or run (a source without a record is pending).</summary>
    Task<IReadOnlyDictionary<string, SourceRun>> GetAllAsync(CancellationToken cancellationToken);
}

/// <param name="Done">Documents done of <paramref name="Total"/> in the current (or last) run.</param>
/// <param name="Errors">While running, the errors so far; otherwise the last run's, a failure of the whole run first.</param>
/// <param name="LastSucceeded">End of the last run that listed the source.</param>
public sealed record SourceRun(
    string Source,
    SourceRunState State,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    int Done,
    int Total,
    IngestionCounts? LastRun,
    IReadOnlyList<DocumentError> Errors,
    DateTimeOffset? LastSucceeded,
    SourceError? LastError);

/// <summary>Failed runs in a row, and whether the admins were alerted about them.</summary>
public sealed record FailureStreak(int FailedRuns, bool Alerted);

/// <summary>How long a run's lock outlives its last report: a host that died releases its sources after this.</summary>
public static class SourceRunLease
{
    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(2);

    /// <summary>How often a running ingestion renews its lease, even without progress.</summary>
    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(30);
}
