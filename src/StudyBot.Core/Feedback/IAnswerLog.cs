using StudyBot.Core.Conversations;

namespace StudyBot.Core.Feedback;

/// <summary>Every answer given, so feedback (👍/👎) can be stored with its question, answer and citations.</summary>
public interface IAnswerLog
{
    /// <summary>Stores the answer and returns its id, which feedback buttons carry.</summary>
    Task<string> RecordAsync(AnsweredQuestion answer, CancellationToken cancellationToken);

    Task<AnsweredQuestion?> FindAsync(string answerId, CancellationToken cancellationToken);

    /// <summary>One vote per user and answer; a second click replaces the first.</summary>
    Task RecordFeedbackAsync(string answerId, string userId, bool helpful, CancellationToken cancellationToken);

    Task<IReadOnlyList<FeedbackEntry>> ListFeedbackAsync(int max, CancellationToken cancellationToken);

    /// <summary>
    /// The answers given in one conversation (<see cref="AnsweredQuestion.ConversationId"/>) before
    /// <paramref name="before"/>, oldest first, at most the <paramref name="max"/> newest: a conversation's
    /// history where the platform keeps none a bot may read.
    /// </summary>
    Task<IReadOnlyList<LoggedAnswer>> ListConversationAsync(string channel, string conversationId, DateTimeOffset before, int max, CancellationToken cancellationToken);

    /// <summary>Remembers the platform's id of the message that carried the answer, for reactions that name only the message.</summary>
    Task RecordMessageAsync(string answerId, string messageId, CancellationToken cancellationToken);

    /// <summary>The answer carried by a message of a conversation (see <see cref="RecordMessageAsync"/>), or null.</summary>
    Task<string?> FindByMessageAsync(string channel, string conversationId, string messageId, CancellationToken cancellationToken);
}

/// <summary>An answer from the log with its id.</summary>
public sealed record LoggedAnswer(string Id, AnsweredQuestion Answer);

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

public sealed record FeedbackEntry(string AnswerId, string UserId, bool Helpful, DateTimeOffset CreatedAt, AnsweredQuestion Answer);
