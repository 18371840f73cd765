using StudyBot.Core.Conversations;

namespace StudyBot.Storage.Feedback;

/// <summary>One vote with the answer it is about, as the admin list and exports show it.</summary>
/// <param name="PromptVersion">The answer's prompt version; null for answers given without a versioned prompt.</param>
public sealed record FeedbackRecord(
    string AnswerId,
    string UserId,
    bool Helpful,
    DateTimeOffset VotedAt,
    string Channel,
    string Question,
    string Answer,
    bool Found,
    string? PromptVersion,
    DateTimeOffset AnsweredAt,
    IReadOnlyList<FeedbackCitation> Citations);

/// <param name="Url">Where the page opens: its own URL, or this host's file route.</param>
public sealed record FeedbackCitation(int Number, string Title, string Source, string Link, int? Page, string? Url)
{
    public static FeedbackCitation From(Citation c, CitationLinks links) => new(c.Number, c.Title, c.Source, c.Link, c.Page, links.UrlOf(c));
}
