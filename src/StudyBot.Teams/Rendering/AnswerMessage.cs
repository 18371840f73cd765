using StudyBot.Assistant.Answering;
using StudyBot.Core.Conversations;
using StudyBot.Teams.Wire;

namespace StudyBot.Teams.Rendering;

/// <summary>
/// An answer as Teams shows AI answers: its markdown text with the [n] markers, the AI label and the citation
/// pop-ups (<see cref="AiMessageEntity"/>), Teams' 👍/👎 opening StudyBot's feedback form for an answer in the
/// log, and suggested actions ("Quiz me on this", "Show sources"); no attachment, which would hide them.
/// </summary>
internal static class AnswerMessage
{
    public static Activity Render(AnswerReply answer, CitationLinks links) => new()
    {
        Type = ActivityTypes.Message,
        Text = Text(answer),
        TextFormat = "markdown",
        Entities = [AiMessageEntity.Create(answer.Citations, links)],
        ChannelData = answer.AnswerId is null ? null : TeamsChannelData.CustomFeedbackLoop(),
        SuggestedActions = AnswerCard.Suggestions(answer),
    };

    /// <summary>The answer's text with the footnote (a fallback's reason, the tools a model called) in small print.</summary>
    public static string Text(AnswerReply answer) =>
        AnswerFootnote.For(answer) is { } footnote ? $"{answer.Text}\n\n_{footnote}_" : answer.Text;
}
