using StudyBot.Core.Conversations;

namespace StudyBot.Core.Quizzes;

/// <summary>A quiz running (or run) in one conversation.</summary>
/// <param name="Conversation">Where it runs, with what its channel needs to post the next question there (stored with the session).</param>
/// <param name="Personal">A personal chat or `quiz me`: moves on as soon as the learner answers.</param>
/// <param name="Current">Index into <see cref="QuestionIds"/> of the open question.</param>
/// <param name="QuestionDeadline">When a channel question closes; null for personal quizzes.</param>
/// <param name="IdleDeadline">When the quiz closes itself if nobody answers before.</param>
/// <param name="PromptVersion">The quiz prompt variant a chat model wrote the quiz with; null for a quiz of rule-built questions only.</param>
public sealed record QuizSession(
    string Id,
    ConversationAddress Conversation,
    bool Personal,
    string StartedBy,
    string Topic,
    IReadOnlyList<string> QuestionIds,
    int Current,
    DateTimeOffset StartedAt,
    DateTimeOffset? QuestionDeadline,
    DateTimeOffset IdleDeadline,
    QuizSessionState State,
    string? PromptVersion = null)
{
    public string Channel => Conversation.Channel;

    public bool IsOpen => State == QuizSessionState.Open;

    public bool IsLastQuestion => Current >= QuestionIds.Count - 1;
}

public enum QuizSessionState
{
    Open,
    Finished,
    Stopped,
    TimedOut,
}

/// <summary>One learner's answer to one question of a session.</summary>
/// <param name="ChannelUserId">The learner's id on the chat platform when it differs from <paramref name="UserId"/> (Teams: "29:…"), for cards that address users.</param>
public sealed record QuizAnswer(string SessionId, int QuestionIndex, string UserId, int ChosenOption, bool Correct, DateTimeOffset AnsweredAt, string? ChannelUserId = null);

public enum QuizAnswerOutcome
{
    Recorded,
    AlreadyAnswered,
    QuestionClosed,
    QuizClosed,
    UnknownQuiz,
}

/// <param name="Correct">Correct answers in the conversation's quizzes.</param>
public sealed record LeaderboardEntry(string UserId, int Correct, int Answered);

/// <summary>What a learner knows of one question: its Leitner box (1 = just missed) and when to review it.</summary>
public sealed record LearnerItem(string UserId, string QuestionId, string Topic, int Box, DateTimeOffset DueAt, int TimesCorrect, int TimesWrong, DateTimeOffset LastAnsweredAt);
