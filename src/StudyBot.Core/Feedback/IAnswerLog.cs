using StudyBot.Core.Conversations;

namespace StudyBot.Core.Feedback;

/// <summary>Every answer given, so feedback (👍/👎) can be stored with its question, answer and citations.</summary>
public interface IAnswerLog
{
    /// <summary>Stores the answer and returns its id, which feedback buttons carry.</summary>
    Task<string> RecordAsync(AnsweredQuestion answer, CancellationToken cancellationToken);

    Task<AnsweredQuestion?> FindAsync(string answerId, CancellationToken cancellationToken);

    /// <summary>
    /// One vote per user and answer; a second vote replaces the first. A 👎 keeps the reason given with it
    /// (or before it, when a later 👎 comes without one); a 👍 has none.
    /// </summary>
    Task RecordFeedbackAsync(string answerId, string userId, bool helpful, FeedbackReason? reason, CancellationToken cancellationToken);

    Task<IReadOnlyList<FeedbackEntry>> ListFeedbackAsync(int max, CancellationToken cancellationToken);
}

public sealed record AnsweredQuestion(
    string Channel,
    string ConversationId,
    string UserId,
    string Question,
    string Answer,
    bool Found,
    IReadOnlyList<Citation> Citations,
    string? PromptVersion,
    DateTimeOffset CreatedAt);

public sealed record FeedbackEntry(string AnswerId, string UserId, bool Helpful, DateTimeOffset CreatedAt, AnsweredQuestion Answer, FeedbackReason? Reason = null);
