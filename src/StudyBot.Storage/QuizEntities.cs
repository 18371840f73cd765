namespace StudyBot.Storage;

/// <summary>A validated quiz question; options and citation are stored as JSON.</summary>
public sealed class QuizQuestionEntity
{
    public required string Id { get; set; }

    public required string ChunkId { get; set; }

    public required string ContentHash { get; set; }

    public required string Topic { get; set; }

    public required string Stem { get; set; }

    public required string OptionsJson { get; set; }

    public int CorrectOption { get; set; }

    public required string Evidence { get; set; }

    public required string Explanation { get; set; }

    public required string CitationJson { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set when its chunk changed or disappeared; a retired question is never asked again.</summary>
    public DateTimeOffset? RetiredAt { get; set; }
}

public sealed class QuizSessionEntity
{
    public required string Id { get; set; }

    public required string Channel { get; set; }

    /// <summary>The conversation's space (a Slack or Teams channel, a chat); leaderboards count by it.</summary>
    public required string Space { get; set; }

    /// <summary>The thread within the space, if any.</summary>
    public string? Thread { get; set; }

    /// <summary>What the channel's adapter needs to post into the conversation (Teams: the conversation reference); opaque here.</summary>
    public string? Reference { get; set; }

    /// <summary>"{channel}|{conversation id}" while open, null once closed: unique, so a conversation has one open quiz.</summary>
    public string? OpenIn { get; set; }

    public bool Personal { get; set; }

    public required string StartedBy { get; set; }

    public required string Topic { get; set; }

    public required string QuestionIdsJson { get; set; }

    public int Current { get; set; }

    public required string State { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? QuestionDeadline { get; set; }

    public DateTimeOffset IdleDeadline { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>The quiz prompt variant a chat model wrote the quiz with; null for rule-built quizzes.</summary>
    public string? PromptVersion { get; set; }
}

/// <summary>One person's answer to one question of a session; the key makes a second click a no-op.</summary>
public sealed class QuizAnswerEntity
{
    public required string SessionId { get; set; }

    public int QuestionIndex { get; set; }

    public required string UserId { get; set; }

    public required string Channel { get; set; }

    /// <summary>The session's space, copied so a leaderboard is one equality on (channel, space).</summary>
    public required string Space { get; set; }

    public string? Thread { get; set; }

    public int ChosenOption { get; set; }

    public bool Correct { get; set; }

    public DateTimeOffset AnsweredAt { get; set; }

    /// <summary>The learner's id on the chat platform when it differs from <see cref="UserId"/> (Teams: "29:…"); null for older answers.</summary>
    public string? ChannelUserId { get; set; }
}

/// <summary>A learner's Leitner box for one question.</summary>
public sealed class QuizLearnerItemEntity
{
    public required string UserId { get; set; }

    public required string QuestionId { get; set; }

    public required string Topic { get; set; }

    public int Box { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public int TimesCorrect { get; set; }

    public int TimesWrong { get; set; }

    public DateTimeOffset LastAnsweredAt { get; set; }
}
