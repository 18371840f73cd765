using Microsoft.Extensions.Options;
using StudyBot.Adapters.Handling;
using StudyBot.Assistant.Commands;
using StudyBot.Core.Conversations;
using StudyBot.Core.Feedback;
using StudyBot.Core.Inbox;
using StudyBot.Teams.Configuration;
using StudyBot.Teams.Rendering;
using StudyBot.Teams.Replies;
using StudyBot.Teams.Wire;

namespace StudyBot.Teams.Handling;

/// <summary>
/// A message to StudyBot (personal chat, group chat or channel mention) with the conversation's earlier
/// questions and answers as context for a follow-up: in a personal chat the reply streams as it is written;
/// in group chats and channels (where Teams does not stream) the typing indicator runs until the one reply,
/// threaded. The id of the message holding an answer is kept with it in the answer log, for Teams' feedback
/// buttons, which name only the message.
/// </summary>
internal sealed class QuestionHandler(
    ConversationEngine engine,
    IncomingTranslator translate,
    ConversationHistory history,
    TypingIndicator typing,
    ReplyDelivery delivery,
    StreamedReplyWriter streamed,
    ActivityRenderer messages,
    IAnswerLog answers,
    IOptions<TeamsOptions> options) : IWorkHandler<Activity>
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
            // A retry after the reply went out: it is updated in place.
            reply = await engine.HandleAsync(message, cancellationToken);
        }
        else if (message.Personal && options.Value.StreamAnswers)
        {
            var (completed, streamedId) = await streamed.WriteAsync(item, to, activity.Id!, engine.StreamAsync(message, cancellationToken), cancellationToken);
            await RememberAsync(completed, streamedId, cancellationToken);
            return;
        }
        else
        {
            await using var indicator = await typing.StartAsync(to, cancellationToken);
            reply = await engine.HandleAsync(message, cancellationToken);
        }

        var sent = await delivery.DeliverAsync(item, to, activity.Id, messages.Render(reply), cancellationToken);
        await RememberAsync(reply, sent, cancellationToken);
    }

    private async Task RememberAsync(Reply reply, string? messageId, CancellationToken cancellationToken)
    {
        if (reply is AnswerReply { AnswerId: { } answerId } && messageId is not null)
        {
            await answers.RecordMessageAsync(answerId, messageId, cancellationToken);
        }
    }
}
