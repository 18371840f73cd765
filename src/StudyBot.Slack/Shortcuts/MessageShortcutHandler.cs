using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Adapters.Handling;
using StudyBot.Adapters.Replies;
using StudyBot.Assistant.Commands;
using StudyBot.Core.Conversations;
using StudyBot.Core.Inbox;
using StudyBot.Slack.Api;
using StudyBot.Slack.Configuration;
using StudyBot.Slack.Handling;
using StudyBot.Slack.Rendering;
using StudyBot.Slack.Replies;
using StudyBot.Slack.Wire;

namespace StudyBot.Slack.Shortcuts;

/// <summary>
/// "Ask StudyBot about this message": the selected message is asked as a question (with its thread's
/// earlier messages as context, like a follow-up), from the channel's sources, and the answer is shown
/// privately to the person who asked, with a "Share in thread" button.
/// </summary>
internal sealed partial class MessageShortcutHandler(
    ConversationEngine engine,
    SlackApiClient api,
    SlackBotIdentity identity,
    BlockKitRenderer renderer,
    PrivateReply replies,
    IInbox inbox,
    IOptions<SlackOptions> options,
    ILogger<MessageShortcutHandler> logger) : IWorkHandler<SlackWork>
{
    public string Kind => SlackWork.MessageShortcuts;

    public async Task HandleAsync(SlackWork work, InboxItem item, CancellationToken cancellationToken)
    {
        var payload = work.Payload.Deserialize(SlackJson.Default.InteractionPayload);
        if (payload is not { User.Id: { } user, ChannelId: { } channel, Message: { Ts: { } ts } selected })
        {
            return;
        }

        var bot = await identity.GetAsync(cancellationToken);
        var thread = selected.ThreadTs ?? ts;
        var text = SlackText.ToPlain(selected.Text, bot.UserId);
        var reply = text.Length == 0
            ? new NoticeReply("That message has no text to ask about.")
            : await engine.AskAsync(
                new IncomingMessage(
                    SlackAddress.Of(channel, thread),
                    user,
                    text,
                    options.Value.IsAdmin(user),
                    options.Value.ForChannel(channel).Sources,
                    await HistoryAsync(channel, thread, ts, bot, cancellationToken),
                    Origin: new MessageOrigin(payload.User.TeamId, null, channel),
                    Personal: true),
                cancellationToken);

        var messages = renderer.Render(reply);
        var progress = ReplyProgress.Of(item);
        for (var part = progress.Posted; part < messages.Count; part++)
        {
            var message = part == messages.Count - 1 && reply is AnswerReply { AnswerId: { } id } ? WithShareButton(messages[part], id, thread) : messages[part];
            await replies.SendAsync(payload, thread, message, replaceOriginal: false, cancellationToken);
            progress = progress with { Posted = part + 1 };
            await progress.SaveAsync(inbox, item, cancellationToken);
        }

        LogAnswered(channel, reply.GetType().Name);
    }

    private static SlackMessage WithShareButton(SlackMessage message, string answerId, string thread) =>
        message with
        {
            Blocks =
            [
                .. message.Blocks,
                new ActionsBlock([new ButtonElement(TextObject.Plain("Share in thread"), MessageShortcut.ShareActionId, MessageShortcut.ShareValue(answerId, thread), "primary")]),
            ],
        };

    /// <summary>The thread's messages before the selected one, as context; none where StudyBot may not read the channel.</summary>
    private async Task<List<ConversationTurn>> HistoryAsync(string channel, string thread, string selectedTs, BotIdentity bot, CancellationToken cancellationToken)
    {
        IReadOnlyList<ThreadMessage> messages;
        try
        {
            messages = await api.GetRepliesAsync(channel, thread, ThreadHistory.MaxMessages, cancellationToken);
        }
        catch (SlackApiException ex) when (!ex.IsTransient)
        {
            LogNoHistory(channel, ex.Error);
            return [];
        }

        return ThreadHistory.Before(messages, selectedTs, bot, options.Value);
    }

    [LoggerMessage(LogLevel.Information, "Slack message shortcut in {Channel} answered privately with {Reply}")]
    private partial void LogAnswered(string channel, string reply);

    [LoggerMessage(LogLevel.Information, "Slack message shortcut in {Channel}: thread not readable ({Error}); asked without it")]
    private partial void LogNoHistory(string channel, string error);
}
