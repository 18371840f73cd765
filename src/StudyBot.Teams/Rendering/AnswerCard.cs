using System.Text;
using System.Text.Json.Nodes;
using StudyBot.Assistant.Answering;
using StudyBot.Assistant.Rendering;
using StudyBot.Core.Conversations;

namespace StudyBot.Teams.Rendering;

/// <summary>An answer as a card: its text, numbered sources that open as Action.OpenUrl, and 👍/👎 feedback buttons.</summary>
internal static class AnswerCard
{
    /// <summary>The whole answer as one card, where only a card can go (an invoke's response).</summary>
    public static JsonObject Render(AnswerReply answer, CitationLinks links)
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

        return AdaptiveCard.Create(PlainTextRenderer.Instance.Answer(answer), body, [.. Actions(answer)]);
    }

    /// <summary>
    /// The card under an answer sent as a message (<see cref="AnswerMessage"/>): its quiz button alone, since
    /// Teams' own 👍/👎 sit under the message; null when there is none.
    /// </summary>
    public static JsonObject? Buttons(AnswerReply answer) =>
        answer is { AnswerId: { } id, Found: true } ? AdaptiveCard.Create(PlainTextRenderer.Instance.Answer(answer), [], [QuizCards.QuizMeOnAnswer(id)]) : null;

    /// <summary>That card once its reader voted: the engine's thanks in place of the buttons.</summary>
    public static JsonObject Voted(string confirmation) => AdaptiveCard.Create(confirmation, [AdaptiveCard.Text(confirmation, color: "Good")]);

    /// <summary>👍/👎 and, for an answer from the knowledge base, a quiz on it; none for an answer not in the log.</summary>
    private static IEnumerable<JsonNode> Actions(AnswerReply answer)
    {
        if (answer.AnswerId is not { } id)
        {
            yield break;
        }

        yield return CardAction.Button("👍 Helpful", IncomingAction.Feedback, IncomingAction.FeedbackValue(id, helpful: true));
        yield return CardAction.Button("👎 Not helpful", IncomingAction.Feedback, IncomingAction.FeedbackValue(id, helpful: false));
        if (answer.Found)
        {
            yield return QuizCards.QuizMeOnAnswer(id);
        }
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
