using StudyBot.Core.Conversations;

namespace StudyBot.Core.Feedback;

/// <summary>Every answer given, so feedback (👍/👎) can be stored with its question, answer and citations.</summary>
public interface IAnswerLog
{
    /// <summary>Stores the answer and returns its id, which feedback buttons carry.</summary>
    Task<string> RecordAsync(AnsweredQuestion answer, CancellationToken cancellationToken);

    Task<AnsweredQuestion?> FindAsync(string answerId, CancellationToken cancellationToken);

    /// <summary>
    /// The last <paramref name="max"/> questions of a conversation with their answers, oldest first, as
    /// thread turns: follow-ups on channels that send no thread history (the REST API, the playground).
    /// </summary>
    Task<IReadOnlyList<ConversationTurn>> RecentTurnsAsync(string channel, string conversationId, int max, CancellationToken cancellationToken);

    /// <summary>How many logged answers each prompt variant gave, for the experiment's figures in status.</summary>
    Task<IReadOnlyDictionary<string, int>> CountAnswersByPromptVersionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// One vote per user and answer; a second click replaces the first. A 👎 keeps the reason already
    /// given with it; a 👍 drops it.
    /// </summary>
    Task RecordFeedbackAsync(string answerId, string userId, bool helpful, CancellationToken cancellationToken);

    /// <summary>Stores why the answer was not helpful with the user's 👎 (recording the 👎 if it is not there yet); given twice, the last one stands.</summary>
    Task RecordFeedbackReasonAsync(string answerId, string userId, FeedbackReason reason, CancellationToken cancellationToken);

    Task<IReadOnlyList<FeedbackEntry>> ListFeedbackAsync(int max, CancellationToken cancellationToken);

    /// <summary>
    /// Remembers the platform's id of the message that carries the answer: Teams' own feedback buttons name
    /// only that message. Given again (a redelivered reply), the last id stands.
    /// </summary>
    Task RecordMessageAsync(string answerId, string messageId, CancellationToken cancellationToken);

    /// <summary>The id of the answer a message of a conversation carries (<see cref="RecordMessageAsync"/>), or null.</summary>
    Task<string?> FindByMessageAsync(string channel, string conversationId, string messageId, CancellationToken cancellationToken);
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

/// <param name="Reason">Why a 👎 was given, when the user said.</param>
public sealed record FeedbackEntry(string AnswerId, string UserId, bool Helpful, DateTimeOffset CreatedAt, AnsweredQuestion Answer, FeedbackReason? Reason = null);
