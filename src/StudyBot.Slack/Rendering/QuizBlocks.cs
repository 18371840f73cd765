using System.Globalization;
using StudyBot.Assistant.Quizzes;
using StudyBot.Core.Conversations;
using StudyBot.Core.Quizzes;

namespace StudyBot.Slack.Rendering;

/// <summary>Block Kit for quizzes: a question with one button per option, private feedback, results and the leaderboard.</summary>
internal static class QuizBlocks
{
    public const string QuestionBlockId = "quiz";

    /// <summary>Button text is plain text of at most 75 characters.</summary>
    private const int ButtonText = 75;

    public static IReadOnlyList<Block> Question(QuizQuestionReply question)
    {
        var lines = question.Options.Select((o, i) => $"*{QuizText.Letter(i)}*  {Mrkdwn.Escape(o)}");
        var buttons = question.Options.Select((o, i) => new ButtonElement(
            TextObject.Plain(Shorten($"{QuizText.Letter(i)}) {o}")),
            string.Create(CultureInfo.InvariantCulture, $"{QuizAction.Answer}:{i}"),
            QuizAction.Value(question.SessionId, question.Number - 1, i))).ToList();
        List<Block> blocks = question.Notice is null ? [] : [new SectionBlock(TextObject.Mrkdwn(Mrkdwn.Escape(question.Notice)))];
        return
        [
            .. blocks,
            new ContextBlock([TextObject.Mrkdwn(Mrkdwn.Escape(QuizText.Heading(question)))]),
            new SectionBlock(TextObject.Mrkdwn($"*{Mrkdwn.Escape(question.Stem)}*\n{string.Join('\n', lines)}")),
            new ActionsBlock(buttons) { BlockId = QuestionBlockId },
        ];
    }

    public static IReadOnlyList<Block> Feedback(QuizFeedbackReply feedback, CitationLinks links)
    {
        var url = links.UrlOf(feedback.Citation);
        var source = url is null ? Mrkdwn.Escape($"{feedback.Citation.Title} ({feedback.Citation.Source}/{feedback.Citation.Link})") : Mrkdwn.Link(url, feedback.Citation.Title);
        return
        [
            new SectionBlock(TextObject.Mrkdwn($"*{Mrkdwn.Escape(QuizText.Verdict(feedback))}*\n{Mrkdwn.Escape(feedback.Explanation)}")),
            new ContextBlock([TextObject.Mrkdwn("Source: " + source)]),
        ];
    }

    /// <summary>The button under an answer that starts a personal quiz on its sources.</summary>
    public static ButtonElement QuizMeOnAnswer(string answerId) =>
        new(TextObject.Plain("🎓 Quiz me on this"), QuizAction.QuizMeOnAnswer, answerId);

    private static string Shorten(string text) => text.Length <= ButtonText ? text : text[..(ButtonText - 1)] + "…";
}
