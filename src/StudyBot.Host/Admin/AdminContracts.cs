using StudyBot.Core.Ingestion;

namespace StudyBot.Host.Admin;

public sealed record AdminSourceDto(
    string Name,
    string Type,
    bool Configured,
    string? Schedule,
    SourceRunState State,
    DateTimeOffset? LastStarted,
    DateTimeOffset? LastFinished,
    double? DurationSeconds,
    int Documents,
    int Chunks,
    string? LastError,
    ProgressDto? Progress,
    IngestionCounts? LastRun,
    IReadOnlyList<DocumentError> Errors);

/// <param name="EstimatedSecondsLeft">At the run's average pace so far.</param>
public sealed record ProgressDto(int Done, int Total, double? EstimatedSecondsLeft);

public sealed record ReindexResponse(IReadOnlyList<ReindexOutcomeDto> Sources);

/// <param name="Status">queued, already-running or unknown-source.</param>
public sealed record ReindexOutcomeDto(string Source, string Status);

/// <param name="PerMinuteLimit">Requests per minute for this key (1 to 100,000); default 60.</param>
public sealed record CreateApiKeyRequest(string Name, int? PerMinuteLimit = null);

public sealed record ApiKeyDto(string Id, string Name, int PerMinuteLimit, long UsageCount, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

/// <param name="Key">The secret, shown this once; only its hash is stored.</param>
public sealed record CreatedApiKeyDto(ApiKeyDto Info, string Key);
