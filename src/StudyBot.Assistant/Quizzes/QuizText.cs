using System.Globalization;
using System.Text;
using StudyBot.Core.Quizzes;

namespace StudyBot.Assistant.Quizzes;

/// <summary>Plain-text quiz replies, for any channel's text and fallback text.</summary>
public static class QuizText
{
    public static string Letter(int option) => ((char)('A' + option)).ToString();

    public static string Heading(QuizQuestionReply question) =>
        string.Create(CultureInfo.InvariantCulture, $"Question {question.Number} of {question.Total} · {question.Topic}")
        + (question.OpenSeconds is { } seconds ? string.Create(CultureInfo.InvariantCulture, $" · open for {seconds} s") : "");

    /// <summary>The notice (if any), the heading, the stem and the lettered options.</summary>
    public static string Question(QuizQuestionReply question)
    {
        var text = new StringBuilder(question.Notice is null ? "" : question.Notice + "\n").Append(Heading(question)).Append('\n').Append(question.Stem);
        for (var i = 0; i < question.Options.Count; i++)
        {
            text.Append('\n').Append(Letter(i)).Append(") ").Append(question.Options[i]);
        }

        return text.ToString();
    }

    public static string Verdict(QuizFeedbackReply feedback) => feedback.Correct
        ? $"✅ Correct — {feedback.CorrectText}."
        : $"❌ Not quite: you chose {feedback.Chosen}; the answer is {feedback.CorrectText}.";

    public static string Feedback(QuizFeedbackReply feedback) =>
        $"{Verdict(feedback)}\n{feedback.Explanation}\nSource: {feedback.Citation.Title} ({feedback.Citation.Source}/{feedback.Citation.Link})";

    public static string Outcome(QuizResultsReply results) => results.State switch
    {
        QuizSessionState.Stopped => $"The quiz on {results.Topic} was stopped.",
        QuizSessionState.TimedOut => $"The quiz on {results.Topic} closed itself after a while without answers.",
        _ => $"The quiz on {results.Topic} is over ({results.Questions} questions).",
    };

    public static string Results(QuizResultsReply results)
    {
        var text = new StringBuilder(Outcome(results));
        text.Append(results.Scores.Count == 0 ? "\nNobody answered." : "\nScores:");
        AppendRanking(text, results.Scores);
        if (results.Leaderboard.Count > 0)
        {
            text.Append("\nLeaderboard of this conversation:");
            AppendRanking(text, results.Leaderboard);
        }

        return text.ToString();
    }

    public static string Leaderboard(LeaderboardReply leaderboard)
    {
        if (leaderboard.Entries.Count == 0)
        {
            return "No quiz answers here yet. Start a quiz with `quiz [topic]`.";
        }

        var text = new StringBuilder("Leaderboard (correct answers in this conversation's quizzes):");
        AppendRanking(text, leaderboard.Entries);
        return text.ToString();
    }

    private static void AppendRanking(StringBuilder text, IReadOnlyList<LeaderboardEntry> entries)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{i + 1}. {entries[i].UserId} — {entries[i].Correct} of {entries[i].Answered} correct");
        }
    }
}
