using System.Text.Json;
using Microsoft.Extensions.Logging;
using StudyBot.Adapters.Handling;
using StudyBot.Adapters.Replies;
using StudyBot.Core.Conversations;
using StudyBot.Core.Feedback;
using StudyBot.Core.Inbox;
using StudyBot.Slack.Api;
using StudyBot.Slack.Rendering;
using StudyBot.Slack.Replies;
using StudyBot.Slack.Wire;

namespace StudyBot.Slack.Shortcuts;

/// <summary>
/// "Share in thread" under a privately shown answer: the answer (from the answer log, so it is what was
/// shown) is posted in the message's thread for everyone, marked as shared by the person, and the private
/// copy says it was shared, so the button cannot post it twice.
/// </summary>
internal sealed partial class ShareAnswerHandler(
    IAnswerLog answers,
    SlackApiClient api,
    BlockKitRenderer renderer,
    PrivateReply replies,
    IInbox inbox,
    ILogger<ShareAnswerHandler> logger) : IWorkHandler<SlackWork>
{
    public string Kind => SlackWork.SharedAnswers;

    public async Task HandleAsync(SlackWork work, InboxItem item, CancellationToken cancellationToken)
    {
        var payload = work.Payload.Deserialize(SlackJson.Default.InteractionPayload);
        if (payload is not { User.Id: { } user, ChannelId: { } channel, Actions: [{ } action, ..] }
            || MessageShortcut.ParseShareValue(action.ChosenValue) is not var (answerId, thread))
        {
            return;
        }

        if (await answers.FindAsync(answerId, cancellationToken) is not { } answer)
        {
            await replies.SendAsync(payload, thread, renderer.Notice(new NoticeReply("That answer is no longer available to share."))[0], replaceOriginal: false, cancellationToken);
            return;
        }

        var messages = renderer.Render(new AnswerReply(answer.Answer, answer.Citations, answer.Found, answerId, PromptVersion: answer.PromptVersion));
        var progress = ReplyProgress.Of(item);
        for (var part = progress.Posted; part < messages.Count; part++)
        {
            var message = part == 0 ? SharedBy(messages[0], user) : messages[part];
            await api.PostMessageAsync(new PostMessageRequest(channel, message.Text, message.Blocks, thread), cancellationToken);
            progress = progress with { Posted = part + 1 };
            await progress.SaveAsync(inbox, item, cancellationToken);
        }

        await replies.SendAsync(payload, thread, renderer.Notice(new NoticeReply("Shared in the thread."))[0], replaceOriginal: true, cancellationToken);
        LogShared(answerId, channel);
    }

    private static SlackMessage SharedBy(SlackMessage message, string user) =>
        message with { Blocks = [new ContextBlock([TextObject.Mrkdwn($"Shared by <@{user}>")]), .. message.Blocks] };

    [LoggerMessage(LogLevel.Information, "Slack answer {AnswerId} shared in {Channel}")]
    private partial void LogShared(string answerId, string channel);
}
