using StudyBot.Adapters.Handling;
using StudyBot.Core.Conversations;
using StudyBot.Core.Feedback;
using StudyBot.Core.Inbox;
using StudyBot.Teams.Rendering;
using StudyBot.Teams.Replies;
using StudyBot.Teams.Wire;

namespace StudyBot.Teams.Handling;

/// <summary>
/// "Post in this conversation" from the message action's dialog: the answer, as StudyBot's AI message, in
/// reply to the message it was about; its message id is remembered for its feedback buttons.
/// </summary>
internal sealed class PostAnswerHandler(IAnswerLog answers, ReplyDelivery delivery, AdaptiveCardRenderer cards) : IWorkHandler<Activity>
{
    public string Kind => TeamsWork.PostAnswer;

    public async Task HandleAsync(Activity activity, InboxItem item, CancellationToken cancellationToken)
    {
        if (MessageActionInvoke.PostedAnswer(activity) is not { } answerId || await answers.FindAsync(answerId, cancellationToken) is not { } logged)
        {
            return;
        }

        var to = ConversationReference.Of(activity);
        var answer = new AnswerReply(logged.Answer, logged.Citations, logged.Found, answerId, PromptVersion: logged.PromptVersion);
        var message = MessageActionValue.Read(activity.Value)?.MessageId;
        var sent = await delivery.DeliverAsync(item, to, message, cards.Messages(to.IsPersonal).Render(answer), cancellationToken);
        if (sent is not null)
        {
            await answers.RecordMessageAsync(answerId, sent, cancellationToken);
        }
    }
}
