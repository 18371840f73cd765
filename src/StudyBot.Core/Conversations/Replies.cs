using StudyBot.Core.Feedback;
using StudyBot.Core.Retrieval;

namespace StudyBot.Core.Conversations;

/// <summary>What the engine answers; every surface renders every kind through an <see cref="IReplyRenderer{T}"/>.</summary>
public abstract record Reply
{
    /// <summary>Hands this reply to the renderer's method for its kind.</summary>
    public abstract T Render<T>(IReplyRenderer<T> renderer);
}

/// <summary>An answer whose text refers to <see cref="Citations"/> as [1], [2]…</summary>
/// <param name="AnswerId">Id in the answer log; feedback buttons carry it. Null when not logged.</param>
/// <param name="ToolsCalled">Tools the chat model called, in order of first use (knowledge_search, web_search); null without a model.</param>
/// <param name="PromptVersion">The prompt variant of the conversation (e.g. answer.v1); null without a model.</param>
/// <param name="Notice">A short note to show with the answer, e.g. why it fell back to quoting the knowledge base.</param>
public sealed record AnswerReply(
    string Text,
    IReadOnlyList<Citation> Citations,
    bool Found,
    string? AnswerId = null,
    IReadOnlyList<string>? ToolsCalled = null,
    string? PromptVersion = null,
    string? Notice = null) : Reply
{
    public override T Render<T>(IReplyRenderer<T> renderer) => renderer.Answer(this);
}

/// <summary>A plain message: help, refusals, confirmations.</summary>
/// <param name="RetryAfter">Set when the message was turned away for now (a rate limit, the first indexing): when to try again.</param>
public sealed record NoticeReply(string Text, TimeSpan? RetryAfter = null) : Reply
{
    public override T Render<T>(IReplyRenderer<T> renderer) => renderer.Notice(this);
}

/// <param name="HelpfulRates">👍 share per prompt version; null when the answer log is not available.</param>
public sealed record StatusReply(KnowledgeStatus Status, IReadOnlyList<HelpfulRate>? HelpfulRates = null) : Reply
{
    public override T Render<T>(IReplyRenderer<T> renderer) => renderer.Status(this);
}

/// <param name="HeadingPath">Headings down to the cited passage, joined with " › "; it usually starts with the title.</param>
public sealed record Citation(
    int Number,
    string Title,
    string Source,
    string Link,
    int? Page,
    string HeadingPath,
    string Snippet)
{
    public const string HeadingSeparator = " › ";

    /// <summary>
    /// Where in the document, for a label that says each thing once: the headings below the title
    /// ("QLoRA" for "Fine-Tuning with PEFT… › QLoRA"); null when the path says nothing beyond the title.
    /// </summary>
    public string? Section
    {
        get
        {
            var headings = HeadingPath.Split(HeadingSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var title = Array.IndexOf(headings, Title);
            var below = title < 0 ? headings : headings[(title + 1)..];
            return below.Length == 0 ? null : string.Join(HeadingSeparator, below);
        }
    }
}
