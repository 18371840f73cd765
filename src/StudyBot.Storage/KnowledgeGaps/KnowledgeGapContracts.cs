namespace StudyBot.Storage.KnowledgeGaps;

/// <summary>The docs to fix: questions the knowledge base had no answer for, and pages behind bad answers.</summary>
/// <param name="Since">Start of the window the report covers.</param>
public sealed record KnowledgeGapReport(DateTimeOffset Since, IReadOnlyList<UnansweredQuestion> Unanswered, IReadOnlyList<PageGap> Pages);

/// <summary>A question (as first asked; repeats differing only in case, spacing or end punctuation count together) answered "not in the knowledge base".</summary>
public sealed record UnansweredQuestion(string Question, int Times, DateTimeOffset LastAsked, IReadOnlyList<string> Channels);

/// <summary>One page of a source with the signals against it, e.g. { "thumbs-down": 3, "quiz-miss": 1 }.</summary>
/// <param name="Url">Where the page opens (its URL or this host's file route).</param>
/// <param name="Examples">Up to five distinct questions behind the signals.</param>
public sealed record PageGap(string Source, string Link, string Title, string? Url, int Total, IReadOnlyDictionary<string, int> Signals, IReadOnlyList<string> Examples);
