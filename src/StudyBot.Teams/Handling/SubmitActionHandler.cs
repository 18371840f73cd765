using StudyBot.Adapters.Handling;
using StudyBot.Assistant.Commands;
using StudyBot.Core.Inbox;
using StudyBot.Teams.Rendering;
using StudyBot.Teams.Replies;
using StudyBot.Teams.Wire;

namespace StudyBot.Teams.Handling;

/// <summary>A card button pressed on a client without Universal Actions (Action.Submit): the engine's reply, threaded.</summary>
internal sealed class SubmitActionHandler(
    ConversationEngine engine,
    IncomingTranslator translate,
    ReplyDelivery delivery,
    ActivityRenderer messages) : IWorkHandler<Activity>
{
    public string Kind => TeamsWork.ButtonPress;

    public async Task HandleAsync(Activity activity, InboxItem item, CancellationToken cancellationToken)
    {
        CardAction.TryRead(activity.Value, out var actionId, out var value);
        var reply = await engine.HandleActionAsync(translate.Action(activity, actionId, value), cancellationToken);
        await delivery.DeliverAsync(item, ConversationReference.Of(activity), activity.Id, messages.Render(reply), cancellationToken);
    }
}
