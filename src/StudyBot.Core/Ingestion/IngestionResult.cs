namespace StudyBot.Core.Ingestion;

/// <summary>The outcome of one ingestion run, as the pipeline returns it.</summary>
/// <param name="Failure">Why the run failed as a whole (nothing was removed); null when it listed the source.</param>
/// <param name="Errors">Documents that could not be read; their previous versions keep serving.</param>
public sealed record IngestionResult(IngestionCounts Counts, string? Failure, IReadOnlyList<DocumentError> Errors)
{
    public bool Succeeded => Failure is null;
}

/// <summary>A running ingestion's progress: documents done of those listed, and the errors so far.</summary>
public sealed record IngestionProgress(int Done, int Total, IReadOnlyList<DocumentError> Errors);
