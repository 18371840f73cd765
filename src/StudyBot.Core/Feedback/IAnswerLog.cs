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

    /// <summary>One vote per user and answer; a second click replaces the first.</summary>
    Task RecordFeedbackAsync(string answerId, string userId, bool helpful, CancellationToken cancellationToken);

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

public sealed record FeedbackEntry(string AnswerId, string UserId, bool Helpful, DateTimeOffset CreatedAt, AnsweredQuestion Answer);
