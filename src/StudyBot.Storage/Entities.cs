namespace StudyBot.Storage;

/// <summary>An answer StudyBot gave; citations are stored as JSON.</summary>
public sealed class AnswerEntity
{
    public required string Id { get; set; }

    public required string Channel { get; set; }

    public required string ConversationId { get; set; }

    public required string UserId { get; set; }

    public required string Question { get; set; }

    public required string Answer { get; set; }

    public bool Found { get; set; }

    public required string CitationsJson { get; set; }

    public string? PromptVersion { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The platform's id of the message that carried the answer, where feedback names only the message (Teams).</summary>
    public string? MessageId { get; set; }
}

/// <summary>One user's vote on one answer.</summary>
public sealed class FeedbackEntity
{
    public required string AnswerId { get; set; }

    public required string UserId { get; set; }

    public bool Helpful { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Why a 👎 was given: wrong, outdated, missing-source or other; null when not said.</summary>
    public string? Reason { get; set; }

    public string? Comment { get; set; }
}

/// <summary>An accepted event or activity, kept until it has been handled.</summary>
public sealed class InboxEntity
{
    public required string Key { get; set; }

    public required string Channel { get; set; }

    public required string Payload { get; set; }

    public required string Status { get; set; }

    public int Attempts { get; set; }

    public string? State { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>When the item may be claimed (again): now for new items, later for retries and leases.</summary>
    public DateTimeOffset AvailableAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
}

public static class InboxStatus
{
    public const string Pending = "pending";
    public const string Done = "done";
    public const string Failed = "failed";
}

/// <summary>A key for the public REST API; only its SHA-256 hash is kept.</summary>
public sealed class ApiKeyEntity
{
    public required string Id { get; set; }

    public required string Name { get; set; }

    public required string KeyHash { get; set; }

    public int PerMinuteLimit { get; set; }

    public long UsageCount { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
