using Microsoft.Extensions.Logging;
using StudyBot.Adapters.Handling;
using StudyBot.Core.Conversations;
using StudyBot.Core.Feedback;
using StudyBot.Core.Inbox;
using StudyBot.Teams.Rendering;
using StudyBot.Teams.Replies;
using StudyBot.Teams.Wire;

namespace StudyBot.Teams.MessageActions;

/// <summary>
/// "Post in conversation" from the dialog of "Ask StudyBot about this": StudyBot itself posts the answer from the log
/// as every answer is posted (AI label, citation pop-ups, Teams' 👍/👎), under the message asked about, on behalf of
/// the user who asked (channelData.onBehalfOf). The message is kept with the answer for the feedback buttons.
/// </summary>
internal sealed partial class PostAnswerHandler(
    IAnswerLog answers,
    ReplyDelivery delivery,
    ActivityRenderer messages,
    ILogger<PostAnswerHandler> logger) : IWorkHandler<Activity>
{
    public string Kind => TeamsWork.PostAnswer;

    public async Task HandleAsync(Activity activity, InboxItem item, CancellationToken cancellationToken)
    {
        var data = MessageActionValue.Read(activity.Value).Value?.Data ?? default;
        CardAction.TryRead(data, out _, out var answerId);
        if (await answers.FindAsync(answerId, cancellationToken) is not { } logged)
        {
            LogUnknownAnswer(answerId);
            return;
        }

        var answer = new AnswerReply(Quote(logged.Question) + logged.Answer, logged.Citations, logged.Found, answerId, PromptVersion: logged.PromptVersion);
        var message = messages.Render(answer);
        message.ChannelData ??= new TeamsChannelData();
        message.ChannelData.OnBehalfOf = [OnBehalfOf.Of(activity.From!)];
        var sent = await delivery.DeliverAsync(item, ConversationReference.Of(activity), MessageActionValue.Text(data, AskAboutMessageCard.MessageIdKey), message, cancellationToken);
        if (sent is not null)
        {
            await answers.RecordMessageAsync(answerId, sent, cancellationToken);
        }
    }

    /// <summary>The message asked about, quoted above the answer, so the answer reads on its own in a chat.</summary>
    private static string Quote(string question) => $"> {AskAboutMessageCard.Quoted(question)}\n\n";

    [LoggerMessage(LogLevel.Warning, "Post in conversation: answer {AnswerId} is not in the answer log; nothing posted")]
    private partial void LogUnknownAnswer(string answerId);
}
