using StudyBot.Core.Feedback;
using StudyBot.Core.Retrieval;

namespace StudyBot.Core.Conversations;

/// <summary>What the engine answers; adapters render it as Block Kit, an Adaptive Card or HTML.</summary>
public abstract record Reply;

/// <summary>An answer whose text refers to <see cref="Citations"/> as [1], [2]…</summary>
/// <param name="AnswerId">Id in the answer log; feedback buttons carry it. Null when not logged.</param>
public sealed record AnswerReply(string Text, IReadOnlyList<Citation> Citations, bool Found, string? AnswerId = null) : Reply;

/// <summary>A plain message: help, refusals, confirmations.</summary>
/// <param name="RetryAfter">Set when the message was turned away by a rate limit: when to try again.</param>
public sealed record NoticeReply(string Text, TimeSpan? RetryAfter = null) : Reply;

/// <param name="HelpfulRates">👍 share per prompt version; null when the answer log is not available.</param>
public sealed record StatusReply(KnowledgeStatus Status, IReadOnlyList<HelpfulRate>? HelpfulRates = null) : Reply;

public sealed record Citation(
    int Number,
    string Title,
    string Source,
    string Link,
    int? Page,
    string HeadingPath,
    string Snippet);
