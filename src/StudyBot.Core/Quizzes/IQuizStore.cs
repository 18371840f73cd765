using StudyBot.Core.Conversations;

namespace StudyBot.Core.Quizzes;

/// <summary>Durable quiz state: questions, sessions, answers, scores and learner history (the app store).</summary>
public interface IQuizStore
{
    /// <summary>Stores questions by id; one stored before is live again, as it was just validated against its current chunk.</summary>
    Task SaveQuestionsAsync(IReadOnlyList<QuizQuestion> questions, CancellationToken cancellationToken);

    Task<IReadOnlyList<QuizQuestion>> GetQuestionsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    /// <summary>Live (not retired) questions made from these chunks.</summary>
    Task<IReadOnlyList<QuizQuestion>> QuestionsOfChunksAsync(IReadOnlyCollection<string> chunkIds, CancellationToken cancellationToken);

    /// <summary>Marks questions retired: their chunk changed or disappeared. They are never asked again.</summary>
    Task RetireQuestionsAsync(IReadOnlyCollection<string> ids, DateTimeOffset at, CancellationToken cancellationToken);

    Task<IReadOnlySet<string>> RetiredAmongAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    /// <summary>Starts a session unless one is already open in the conversation; returns the open one then.</summary>
    Task<(QuizSession Session, bool Created)> StartSessionAsync(QuizSession session, CancellationToken cancellationToken);

    Task<QuizSession?> GetSessionAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>The open session of a conversation (same channel, space and thread), if any.</summary>
    Task<QuizSession?> FindOpenSessionAsync(ConversationAddress conversation, CancellationToken cancellationToken);

    /// <summary>Records an answer to the session's open question; a second answer by the same user counts once.</summary>
    Task<QuizAnswerOutcome> RecordAnswerAsync(QuizAnswer answer, DateTimeOffset idleDeadline, CancellationToken cancellationToken);

    Task<IReadOnlyList<QuizAnswer>> AnswersAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>The channel user ids of the latest <paramref name="max"/> answerers of one question who have one, earliest first.</summary>
    Task<IReadOnlyList<string>> LatestAnswerersAsync(string sessionId, int questionIndex, int max, CancellationToken cancellationToken);

    /// <summary>Moves from question <paramref name="from"/> to question <paramref name="nextIndex"/>, once: false when another caller already moved on.</summary>
    Task<bool> TryAdvanceAsync(string sessionId, int from, int nextIndex, DateTimeOffset? questionDeadline, CancellationToken cancellationToken);

    /// <summary>Closes an open session, once: false when it was already closed.</summary>
    Task<bool> TryCloseAsync(string sessionId, QuizSessionState state, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Open sessions whose question deadline or idle deadline has passed.</summary>
    Task<IReadOnlyList<QuizSession>> DueSessionsAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Correct answers per person in the quizzes of a conversation's space (same channel and space: every thread of a channel).</summary>
    Task<IReadOnlyList<LeaderboardEntry>> LeaderboardAsync(ConversationAddress conversation, int max, CancellationToken cancellationToken);

    Task<LearnerItem?> GetLearnerItemAsync(string userId, string questionId, CancellationToken cancellationToken);

    Task SaveLearnerItemAsync(LearnerItem item, CancellationToken cancellationToken);

    Task<IReadOnlyList<LearnerItem>> LearnerItemsAsync(string userId, CancellationToken cancellationToken);
}
