using System.Globalization;
using System.Text;
using StudyBot.Assistant.Quizzes;
using StudyBot.Core.Conversations;
using StudyBot.Core.Quizzes;

namespace StudyBot.Assistant.Rendering;

/// <summary>
/// A reply as plain text, whole: an answer with its notice and sources, quiz feedback with what follows
/// it. The command line prints it; the web response uses it for its text and carries the rest as fields.
/// </summary>
public sealed class PlainTextRenderer : IReplyRenderer<string>
{
    public static readonly PlainTextRenderer Instance = new();

    private PlainTextRenderer()
    {
    }

    public string Answer(AnswerReply answer)
    {
        var text = new StringBuilder();
        if (answer.Notice is not null)
        {
            text.Append("Note: ").AppendLine(answer.Notice).AppendLine();
        }

        text.AppendLine(answer.Text);
        if (answer.Citations.Count > 0)
        {
            text.AppendLine().AppendLine("Sources:");
        }

        foreach (var c in answer.Citations)
        {
            text.Append(CultureInfo.InvariantCulture, $"  [{c.Number}] {c.Title}{(c.Section is { } section ? " · " + section : "")} — {c.Source}/{c.Link}");
            text.AppendLine(c.Page is { } page ? string.Create(CultureInfo.InvariantCulture, $", page {page}") : "");
        }

        return text.ToString().TrimEnd();
    }

    public string Notice(NoticeReply notice) => notice.Text;

    public string Status(StatusReply status)
    {
        var text = new StringBuilder(StatusText.Heading).Append(": ").Append(StatusText.Totals(status.Status));
        foreach (var source in status.Status.Sources)
        {
            text.Append("\n• ").Append(StatusText.Name(source)).Append(": ").Append(StatusText.Summary(source));
            foreach (var problem in StatusText.Problems(source))
            {
                text.Append("\n    ⚠ ").Append(problem);
            }
        }

        return StatusText.Helpful(status) is { } helpful ? $"{text}\n{helpful}" : text.ToString();
    }

    public string QuizQuestion(QuizQuestionReply question) => QuizText.Question(question);

    public string QuizFeedback(QuizFeedbackReply feedback) =>
        feedback.Next is { } next ? $"{QuizText.Feedback(feedback)}\n\n{next.Render(this)}" : QuizText.Feedback(feedback);

    public string QuizResults(QuizResultsReply results) => QuizText.Results(results);

    public string Leaderboard(LeaderboardReply leaderboard) => QuizText.Leaderboard(leaderboard);
}
