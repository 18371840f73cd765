using StudyBot.Assistant.Commands;
using StudyBot.Core.Conversations;
using StudyBot.Core.Inbox;
using StudyBot.Teams.Activities;
using StudyBot.Teams.Cards;
using StudyBot.Teams.Connector;

namespace StudyBot.Teams.Handling;

/// <summary>StudyBot was added to a team, group chat or personal scope: one welcome card with the engine's help.</summary>
internal sealed class WelcomeHandler(ConversationEngine engine, IncomingTranslator translate, ReplyDelivery delivery)
{
    private const string HelpCommand = "help";

    /// <summary>Whether a conversationUpdate says the bot itself was added.</summary>
    public static bool BotWasAdded(Activity activity) =>
        activity.Recipient?.Id is { } bot && activity.MembersAdded?.Any(m => m.Id == bot) == true;

    public async Task HandleAsync(InboxItem item, Activity activity, CancellationToken cancellationToken)
    {
        if (!BotWasAdded(activity))
        {
            return;
        }

        var help = await engine.HandleAsync(translate.Message(activity, HelpCommand), cancellationToken);
        var text = help is NoticeReply notice ? notice.Text : "";
        var card = AdaptiveCardRenderer.Welcome(text);
        await delivery.DeliverAsync(item, ConversationReference.Of(activity), replyToId: null, AdaptiveCard.Message(card), cancellationToken);
    }
}
