using StudyBot.Adapters.Handling;
using StudyBot.Assistant.Commands;
using StudyBot.Core.Conversations;
using StudyBot.Core.Inbox;
using StudyBot.Teams.Rendering;
using StudyBot.Teams.Replies;
using StudyBot.Teams.Wire;

namespace StudyBot.Teams.Handling;

/// <summary>
/// StudyBot was added to a team or group chat: one welcome card with the engine's help. A personal chat gets
/// none, so Teams shows the manifest's prompt starters as cards there (it does only for bots that send no welcome).
/// </summary>
internal sealed class WelcomeHandler(ConversationEngine engine, IncomingTranslator translate, ReplyDelivery delivery) : IWorkHandler<Activity>
{
    private const string HelpCommand = "help";

    /// <summary>Whether a conversationUpdate says the bot itself was added to a team or group chat.</summary>
    public static bool Welcomes(Activity activity) =>
        activity.Recipient?.Id is { } bot && activity.MembersAdded?.Any(m => m.Id == bot) == true
        && activity.Conversation?.ConversationType != "personal";

    public string Kind => TeamsWork.Welcome;

    public async Task HandleAsync(Activity activity, InboxItem item, CancellationToken cancellationToken)
    {
        var help = await engine.HandleAsync(translate.Message(activity, HelpCommand), cancellationToken);
        var text = help is NoticeReply notice ? notice.Text : "";
        var card = AdaptiveCardRenderer.Welcome(text);
        await delivery.DeliverAsync(item, ConversationReference.Of(activity), replyToId: null, AdaptiveCard.Message(card), cancellationToken);
    }
}
