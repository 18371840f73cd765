using StudyBot.Core.Conversations;

namespace StudyBot.Core.Admin;

/// <summary>Queues re-indexing; implemented by the host's job scheduler.</summary>
public interface IReindexService
{
    /// <summary>Queues one source (or all when <paramref name="source"/> is null).</summary>
    /// <param name="notify">Where to report the outcome when the run ends (the admin's conversation), if anywhere.</param>
    Task<IReadOnlyList<ReindexOutcome>> RequestAsync(string? source, ConversationAddress? notify, CancellationToken cancellationToken);
}

public sealed record ReindexOutcome(string Source, ReindexStatus Status);

public enum ReindexStatus
{
    Queued,
    AlreadyRunning,
    UnknownSource,
}
