using System.Text;
using System.Text.Json.Nodes;
using StudyBot.Assistant.Answering;
using StudyBot.Assistant.Rendering;
using StudyBot.Core.Conversations;

namespace StudyBot.Teams.Rendering;

/// <summary>An answer: its text, numbered sources that open as Action.OpenUrl, and 👍/👎 feedback buttons.</summary>
internal static class AnswerCard
{
    /// <param name="confirmation">Shown instead of the feedback buttons once the user voted.</param>
    public static JsonObject Render(AnswerReply answer, CitationLinks links, string? confirmation = null)
    {
        var body = new List<JsonNode> { AdaptiveCard.Text(answer.Text) };
        if (AnswerFootnote.For(answer) is { } footnote)
        {
            body.Add(AdaptiveCard.Text(footnote, size: "Small", subtle: true));
        }

        var openButtons = new List<JsonNode>();
        if (answer.Citations.Count > 0)
        {
            body.Add(AdaptiveCard.Text("Sources", weight: "Bolder", separator: true));
            foreach (var citation in answer.Citations)
            {
                var url = links.UrlOf(citation);
                var title = url is null ? citation.Title : $"[{citation.Title}]({url})";
                var section = citation.Section is { } below ? " · " + below : "";
                body.Add(AdaptiveCard.Text($"[{citation.Number}] {title}{section} — {Where(citation)}", size: "Small", subtle: true));
                if (url is not null)
                {
                    openButtons.Add(AdaptiveCard.OpenUrl($"[{citation.Number}] {Shorten(citation.Title, 40)}", url));
                }
            }
        }

        if (openButtons.Count > 0)
        {
            body.Add(AdaptiveCard.ActionSet(openButtons));
        }

        var actions = new List<JsonNode>();
        if (confirmation is not null)
        {
            body.Add(AdaptiveCard.Text(confirmation, color: "Good", separator: true));
        }
        else if (answer.AnswerId is { } id)
        {
            actions.Add(CardAction.Button("👍 Helpful", IncomingAction.Feedback, IncomingAction.FeedbackValue(id, helpful: true)));
            actions.Add(CardAction.Button("👎 Not helpful", IncomingAction.Feedback, IncomingAction.FeedbackValue(id, helpful: false)));
            if (answer.Found)
            {
                actions.Add(QuizCards.QuizMeOnAnswer(id));
            }
        }

        return AdaptiveCard.Create(PlainTextRenderer.Instance.Answer(answer), body, actions);
    }

    private static string Where(Citation citation)
    {
        var where = new StringBuilder(citation.Source).Append(" · ").Append(citation.Link);
        if (citation.Page is { } page)
        {
            where.Append(", page ").Append(page);
        }

        return where.ToString();
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
