using StudyBot.Assistant.Answering;
using StudyBot.Assistant.Quizzes;
using StudyBot.Core.Conversations;
using StudyBot.Teams.Wire;

namespace StudyBot.Teams.Rendering;

/// <summary>
/// An answer as Teams shows AI answers: its markdown text with the [n] markers, the AI label and citation
/// pop-ups (<see cref="AiMessageEntity"/>), Teams' own 👍/👎 buttons opening StudyBot's feedback form, and,
/// in a personal chat, suggested next steps. It carries no attachment: Teams shows suggested actions only
/// on messages without one.
/// </summary>
internal static class AnswerMessage
{
    /// <summary>Feedback buttons that ask Teams for StudyBot's own form (message/fetchTask), which offers the reasons.</summary>
    public const string FeedbackForm = "custom";

    /// <summary>The suggested action's text, which the quiz command reads as "the last answer here".</summary>
    public const string QuizMeOnThis = "quiz " + QuizCommand.OnLastAnswer;

    /// <param name="personal">
    /// A personal chat: only there do suggested actions reach StudyBot, since in group chats and channels Teams
    /// delivers only messages that @mention it, and an imBack carries no mention.
    /// </param>
    public static Activity Render(AnswerReply answer, CitationLinks links, bool personal)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Text = Text(answer),
            TextFormat = "markdown",
            Entities = [AiMessageEntity.Create(answer.Citations, links)],
        };
        if (answer.AnswerId is null)
        {
            return activity;
        }

        activity.ChannelData = new TeamsChannelData { FeedbackLoopEnabled = true, FeedbackLoop = new FeedbackLoop(FeedbackForm) };
        if (personal && answer.Found)
        {
            activity.SuggestedActions = new SuggestedActions
            {
                Actions = [SuggestedAction.ImBack("🎓 Quiz me on this", QuizMeOnThis)],
            };
        }

        return activity;
    }

    /// <summary>The answer's text with the footnote (a fallback's reason, the tools a model called) in small print.</summary>
    public static string Text(AnswerReply answer) =>
        AnswerFootnote.For(answer) is { } footnote ? $"{answer.Text}\n\n_{footnote}_" : answer.Text;
}
