using System.Text;
using System.Text.Json.Nodes;
using StudyBot.Assistant.Answering;
using StudyBot.Assistant.Rendering;
using StudyBot.Core.Conversations;
using StudyBot.Core.Quizzes;
using StudyBot.Teams.Wire;

namespace StudyBot.Teams.Rendering;

/// <summary>An answer as a card: its text, numbered sources that open as Action.OpenUrl, and 👍/👎 feedback buttons.</summary>
internal static class AnswerCard
{
    /// <summary>The action of "Show sources" under an answer (Teams only): its value is the answer's id.</summary>
    public const string ShowSources = "show-sources";

    /// <summary>The whole answer as one card, where only a card can go (an invoke's response).</summary>
    public static JsonObject Render(AnswerReply answer, CitationLinks links)
    {
        var body = new List<JsonNode> { AdaptiveCard.Text(answer.Text) };
        if (AnswerFootnote.For(answer) is { } footnote)
        {
            body.Add(AdaptiveCard.Text(footnote, size: "Small", subtle: true));
        }

        if (answer.Citations.Count > 0)
        {
            body.AddRange(SourcesBody(answer.Citations, links));
        }

        return AdaptiveCard.Create(PlainTextRenderer.Instance.Answer(answer), body, [.. Actions(answer)]);
    }

    /// <summary>"Show sources": the numbered sources of the answer to <paramref name="question"/>, each opening its page.</summary>
    public static JsonObject Sources(string question, IReadOnlyList<Citation> citations, CitationLinks links)
    {
        var heading = $"Sources of the answer to “{question}”";
        var lines = citations.Select(c => $"[{c.Number}] {c.Title} — {Where(c)}");
        return AdaptiveCard.Create(string.Join('\n', [heading, .. lines]), [AdaptiveCard.Text(heading, weight: "Bolder"), .. SourcesBody(citations, links).Skip(1)]);
    }

    /// <summary>
    /// The suggested actions under an answer sent as a message (<see cref="AnswerMessage"/>) — Teams' own 👍/👎
    /// sit under it too — for an answer from the knowledge base in the log: a quiz on it and its sources.
    /// </summary>
    public static SuggestedActions? Suggestions(AnswerReply answer) =>
        answer is { AnswerId: { } id, Found: true, Citations.Count: > 0 }
            ? new SuggestedActions([CardAction.Suggested("🎓 Quiz me on this", QuizAction.QuizMeOnAnswer, id), CardAction.Suggested("📚 Show sources", ShowSources, id)])
            : null;

    /// <summary>A "Sources" heading, one line per citation, and a button per citation with a URL.</summary>
    public static IEnumerable<JsonNode> SourcesBody(IReadOnlyList<Citation> citations, CitationLinks links)
    {
        yield return AdaptiveCard.Text("Sources", weight: "Bolder", separator: true);
        var openButtons = new List<JsonNode>();
        foreach (var citation in citations)
        {
            var url = links.UrlOf(citation);
            var title = url is null ? citation.Title : $"[{citation.Title}]({url})";
            var section = citation.Section is { } below ? " · " + below : "";
            yield return AdaptiveCard.Text($"[{citation.Number}] {title}{section} — {Where(citation)}", size: "Small", subtle: true);
            if (url is not null)
            {
                openButtons.Add(AdaptiveCard.OpenUrl($"[{citation.Number}] {TextCut.Shorten(citation.Title, 40)}", url));
            }
        }

        if (openButtons.Count > 0)
        {
            yield return AdaptiveCard.ActionSet(openButtons);
        }
    }

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
}
