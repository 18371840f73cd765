using StudyBot.Core.Ingestion;

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
    SourceRunState State,
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
