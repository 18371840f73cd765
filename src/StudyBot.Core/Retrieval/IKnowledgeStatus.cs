using StudyBot.Core.Ingestion;

namespace StudyBot.Core.Retrieval;

/// <summary>What the index holds and how ingestion went, per source.</summary>
public interface IKnowledgeStatus
{
    Task<KnowledgeStatus> GetStatusAsync(CancellationToken cancellationToken);
}

/// <param name="Embeddings">Vectors computed in the background so far; null when every chunk is stored with its vector.</param>
public sealed record KnowledgeStatus(int Documents, int Chunks, IReadOnlyList<SourceStatus> Sources, EmbeddingProgress? Embeddings = null);

/// <param name="Embedder">The embedder id the vectors come from.</param>
/// <param name="Embedded">Chunks with their vector; the others are found by words only until then.</param>
/// <param name="ChunksPerSecond">Recent pace of the background embedding; null before the first batch.</param>
public sealed record EmbeddingProgress(string Embedder, int Chunks, int Embedded, double? ChunksPerSecond);

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
