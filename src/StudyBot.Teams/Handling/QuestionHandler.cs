using StudyBot.Adapters.Handling;
using StudyBot.Assistant.Commands;
using StudyBot.Core.Conversations;
using StudyBot.Core.Inbox;
using StudyBot.Teams.Rendering;
using StudyBot.Teams.Replies;
using StudyBot.Teams.Wire;

namespace StudyBot.Teams.Handling;

/// <summary>
/// A message to StudyBot (personal chat, group chat or channel mention): the engine's reply, threaded, with the
/// conversation's earlier questions and answers as context for a follow-up.
/// </summary>
internal sealed class QuestionHandler(
    ConversationEngine engine,
    IncomingTranslator translate,
    ConversationHistory history,
    TypingIndicator typing,
    ReplyDelivery delivery,
    ActivityRenderer messages) : IWorkHandler<Activity>
{
    private const string HelpCommand = "help";

    public string Kind => TeamsWork.Question;

    public async Task HandleAsync(Activity activity, InboxItem item, CancellationToken cancellationToken)
    {
        var to = ConversationReference.Of(activity);
        var text = MentionText.Strip(activity);
        var turns = await history.OfAsync(TeamsAddress.Of(activity), cancellationToken);
        var message = translate.Message(activity, text.Length == 0 ? HelpCommand : text, turns);

        Reply reply;
        if (ReplyDelivery.AlreadySent(item))
        {
            reply = await engine.HandleAsync(message, cancellationToken);
        }
        else
        {
            await using var indicator = await typing.StartAsync(to, cancellationToken);
            reply = await engine.HandleAsync(message, cancellationToken);
        }

        await delivery.DeliverAsync(item, to, activity.Id, messages.Render(reply), cancellationToken);
    }
}
