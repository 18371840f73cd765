using StudyBot.Assistant.Commands;
using StudyBot.Core.Conversations;
using StudyBot.Core.Inbox;
using StudyBot.Teams.Activities;
using StudyBot.Teams.Cards;
using StudyBot.Teams.Connector;

namespace StudyBot.Teams.Handling;

/// <summary>A card button pressed on a client without Universal Actions (Action.Submit): the engine's reply, threaded.</summary>
internal sealed class SubmitActionHandler(
    ConversationEngine engine,
    IncomingTranslator translate,
    ReplyDelivery delivery,
    AdaptiveCardRenderer cards)
{
    public async Task HandleAsync(InboxItem item, Activity activity, string actionId, string value, CancellationToken cancellationToken)
    {
        var reply = await engine.HandleActionAsync(translate.Action(activity, actionId, value), cancellationToken);
        var card = cards.Render(reply);
        await delivery.DeliverAsync(item, ConversationReference.Of(activity), activity.Id, AdaptiveCard.Message(card), cancellationToken);
    }
}
