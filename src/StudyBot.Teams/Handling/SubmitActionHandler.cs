using StudyBot.Adapters.Handling;
using StudyBot.Assistant.Commands;
using StudyBot.Core.Feedback;
using StudyBot.Core.Inbox;
using StudyBot.Teams.Rendering;
using StudyBot.Teams.Replies;
using StudyBot.Teams.Wire;

namespace StudyBot.Teams.Handling;

/// <summary>
/// A button pressed that Teams sends as a message or a suggestedAction/submit invoke (a card's Action.Submit on a
/// client without Universal Actions, a suggested action under an answer): the engine's reply, threaded; "Show
/// sources" is answered here, with the sources of the answer from the log.
/// </summary>
internal sealed class SubmitActionHandler(
    ConversationEngine engine,
    IncomingTranslator translate,
    IAnswerLog answers,
    ReplyDelivery delivery,
    ActivityRenderer messages,
    AdaptiveCardRenderer cards) : IWorkHandler<Activity>
{
    public string Kind => TeamsWork.ButtonPress;

    public async Task HandleAsync(Activity activity, InboxItem item, CancellationToken cancellationToken)
    {
        CardAction.TryRead(activity.Value, out var actionId, out var value);
        var reply = actionId == AnswerCard.ShowSources
            ? await SourcesAsync(value, cancellationToken)
            : messages.Render(await engine.HandleActionAsync(translate.Action(activity, actionId, value), cancellationToken));
        await delivery.DeliverAsync(item, ConversationReference.Of(activity), activity.Id, reply, cancellationToken);
    }

    private async Task<Activity> SourcesAsync(string answerId, CancellationToken cancellationToken) =>
        await answers.FindAsync(answerId, cancellationToken) is { } answer
            ? AdaptiveCard.Message(AnswerCard.Sources(answer.Question, answer.Citations, cards.Links))
            : AdaptiveCard.Message(NoticeCard.Render("That button no longer points to an answer I know."));
}
