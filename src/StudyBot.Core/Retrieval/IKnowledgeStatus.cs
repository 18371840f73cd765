namespace StudyBot.Core.Retrieval;

/// <summary>What the index holds and how ingestion went, per source.</summary>
public interface IKnowledgeStatus
{
    Task<KnowledgeStatus> GetStatusAsync(CancellationToken cancellationToken);
}

public sealed record KnowledgeStatus(int Documents, int Chunks, IReadOnlyList<SourceStatus> Sources);

public sealed record SourceStatus(
    string Name,
    string Type,
    bool Configured,
    int Documents,
    int Chunks,
    string State,
    DateTimeOffset? LastStarted,
    DateTimeOffset? LastFinished,
    int ProgressDone,
    int ProgressTotal,
    IngestionCounts? LastRun,
    IReadOnlyList<DocumentError> Errors,
    string? Schedule = null,
    double? EstimatedSecondsLeft = null,
    DateTimeOffset? LastSucceeded = null,
    SourceError? LastError = null);

public sealed record IngestionCounts(int Added, int Updated, int Unchanged, int Removed, int Failed, double DurationSeconds);

public sealed record DocumentError(string Document, string Error);

/// <summary>The most recent error of a source, kept after later successful runs so a health page can show when it happened.</summary>
/// <param name="Document">The document that failed; null when the whole run failed (listing, credentials).</param>
public sealed record SourceError(DateTimeOffset At, string? Document, string Error);
