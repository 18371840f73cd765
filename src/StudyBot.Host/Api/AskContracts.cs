using StudyBot.Core.Conversations;

namespace StudyBot.Host.Api;

/// <summary>POST /api/ask body.</summary>
/// <param name="Question">The question, 1 to StudyBot:Safety:MaxQuestionChars (2,000 by default) characters.</param>
/// <param name="Sources">Optional source names to search; all sources when empty.</param>
/// <param name="ConversationId">Optional: keeps a caller's questions on one prompt variant when a chat model answers.</param>
public sealed record AskRequest(string Question, IReadOnlyList<string>? Sources = null, string? ConversationId = null);

/// <param name="AnswerId">Id in the answer log, for POST /api/feedback.</param>
/// <param name="ToolsCalled">Tools the chat model called (knowledge_search, web_search); null without a model.</param>
/// <param name="PromptVersion">The prompt variant that answered; null without a model.</param>
/// <param name="Notice">Why the answer differs from the model's (a fallback, removed sentences); null when it does not.</param>
public sealed record AskResponse(
    string Answer,
    bool Found,
    IReadOnlyList<CitationDto> Citations,
    long LatencyMs,
    string? AnswerId = null,
    IReadOnlyList<string>? ToolsCalled = null,
    string? PromptVersion = null,
    string? Notice = null);

/// <param name="Link">The document's URL, or its path relative to its source.</param>
/// <param name="Url">Where a browser opens it: the URL, or this API's file route (with #page= for PDFs).</param>
/// <param name="HeadingPath">Headings down to the cited passage, joined with " › "; it usually starts with the title.</param>
/// <param name="Section">The headings below the title, for a label that says each thing once; null when there are none.</param>
public sealed record CitationDto(int Number, string Title, string Source, string Link, string Url, int? Page, string HeadingPath, string Snippet, string? Section)
{
    public static CitationDto From(Citation c, CitationLinks links) =>
        new(c.Number, c.Title, c.Source, c.Link, links.UrlOf(c)!, c.Page, c.HeadingPath, c.Snippet, c.Section);
}
