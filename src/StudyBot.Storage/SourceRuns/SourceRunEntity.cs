using StudyBot.Core.Ingestion;

namespace StudyBot.Storage.SourceRuns;

/// <summary>One source's runs, shared by every host on the database: its lock (a lease), its progress and its last results.</summary>
public sealed class SourceRunEntity
{
    public required string Source { get; set; }

    /// <summary>Stored by name: queued, running, idle or failed.</summary>
    public SourceRunState Status { get; set; }

    /// <summary>A queued or running reservation older than this is abandoned (its host died).</summary>
    public DateTimeOffset LeaseUntil { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public int Done { get; set; }

    public int Total { get; set; }

    /// <summary>The last finished run's counts (JSON).</summary>
    public string? LastRunJson { get; set; }

    /// <summary>The errors of the run going on, or of the last one (JSON); null = none.</summary>
    public string? ErrorsJson { get; set; }

    public DateTimeOffset? LastSucceededAt { get; set; }

    /// <summary>The most recent error, kept after later successes, with its document (null: the whole run) and time.</summary>
    public string? LastError { get; set; }

    public string? LastErrorDocument { get; set; }

    public DateTimeOffset? LastErrorAt { get; set; }

    public int FailedInARow { get; set; }

    /// <summary>Whether the admins were alerted about the current streak of failed runs.</summary>
    public bool FailureAlerted { get; set; }
}
