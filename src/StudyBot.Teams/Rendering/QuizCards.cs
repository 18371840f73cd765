using System.Text.Json.Nodes;
using StudyBot.Assistant.Quizzes;
using StudyBot.Assistant.Rendering;
using StudyBot.Core.Conversations;
using StudyBot.Core.Quizzes;

namespace StudyBot.Teams.Rendering;

/// <summary>
/// Quiz cards: a question with one Action.Execute per option; feedback that refreshes the card for the
/// answerer only (with the next question of a personal quiz on the same card); results; the leaderboard.
/// </summary>
internal static class QuizCards
{
    /// <summary>A question; a shared one refreshes for those who answered it (<paramref name="answeredBy"/>, user MRIs), who then see their own feedback.</summary>
    public static JsonObject Question(QuizQuestionReply question, IEnumerable<string>? answeredBy = null)
    {
        var card = AdaptiveCard.Create(
            PlainTextRenderer.Instance.QuizQuestion(question),
            question.Notice is null ? QuestionBody(question) : [AdaptiveCard.Text(question.Notice), .. QuestionBody(question)],
            Buttons(question));
        if (!question.Personal)
        {
            card["refresh"] = CardAction.Refresh(QuizAction.View, QuizAction.ViewValue(question.SessionId, question.Number - 1), answeredBy ?? []);
        }

        return card;
    }

    public static JsonObject Feedback(QuizFeedbackReply feedback, CitationLinks links)
    {
        var url = links.UrlOf(feedback.Citation);
        var body = new List<JsonNode>
        {
            AdaptiveCard.Text(feedback.Stem, weight: "Bolder"),
            AdaptiveCard.Text(QuizText.Verdict(feedback), weight: "Bolder", color: feedback.Correct ? "Good" : "Attention"),
            AdaptiveCard.Text(feedback.Explanation),
            AdaptiveCard.Text(
                url is null ? $"Source: {feedback.Citation.Title} ({feedback.Citation.Source}/{feedback.Citation.Link})" : $"Source: [{feedback.Citation.Title}]({url})",
                size: "Small", subtle: true),
        };
        var actions = new List<JsonNode>();
        switch (feedback.Next)
        {
            case QuizQuestionReply next:
                body.Add(AdaptiveCard.Text(QuizText.Heading(next), size: "Small", subtle: true, separator: true));
                body.AddRange(QuestionBody(next).Skip(1));
                actions.AddRange(Buttons(next));
                break;
            case QuizResultsReply results:
                body.AddRange(ResultsBody(results, separator: true));
                break;
        }

        return AdaptiveCard.Create(PlainTextRenderer.Instance.QuizFeedback(feedback), body, actions);
    }

    public static JsonObject Results(QuizResultsReply results) => AdaptiveCard.Create(PlainTextRenderer.Instance.QuizResults(results), ResultsBody(results, separator: false));

    public static JsonObject Leaderboard(LeaderboardReply leaderboard) =>
        AdaptiveCard.Create(
            PlainTextRenderer.Instance.Leaderboard(leaderboard),
            leaderboard.Entries.Count == 0
                ? [AdaptiveCard.Text(QuizText.Leaderboard(leaderboard))]
                : [AdaptiveCard.Text("🏆 Leaderboard", size: "Medium", weight: "Bolder"), Ranking(leaderboard.Entries)]);

    /// <summary>The button under an answer that starts a personal quiz on its sources.</summary>
    public static JsonObject QuizMeOnAnswer(string answerId) => CardAction.Button("🎓 Quiz me on this", QuizAction.QuizMeOnAnswer, answerId);

    private static List<JsonNode> QuestionBody(QuizQuestionReply question) =>
    [
        AdaptiveCard.Text(QuizText.Heading(question), size: "Small", subtle: true),
        AdaptiveCard.Text(question.Stem, weight: "Bolder"),
        .. question.Options.Select((o, i) => (JsonNode)AdaptiveCard.Text($"**{QuizText.Letter(i)}**  {o}")),
    ];

    private static IEnumerable<JsonNode> Buttons(QuizQuestionReply question) =>
        question.Options.Select((_, i) => (JsonNode)CardAction.Button(QuizText.Letter(i), QuizAction.Answer, QuizAction.Value(question.SessionId, question.Number - 1, i)));

    private static IEnumerable<JsonNode> ResultsBody(QuizResultsReply results, bool separator)
    {
        yield return AdaptiveCard.Text(QuizText.Outcome(results), size: "Medium", weight: "Bolder", separator: separator);
        yield return results.Scores.Count == 0 ? AdaptiveCard.Text("Nobody answered.") : Ranking(results.Scores);
        if (results.Leaderboard.Count > 0)
        {
            yield return AdaptiveCard.Text("🏆 Leaderboard of this conversation", weight: "Bolder", separator: true);
            yield return Ranking(results.Leaderboard);
        }
    }

    private static JsonObject Ranking(IReadOnlyList<LeaderboardEntry> entries) =>
        AdaptiveCard.Facts(entries.Select((e, i) => ($"{i + 1}. {e.UserId}", $"{e.Correct} of {e.Answered} correct")));
}
