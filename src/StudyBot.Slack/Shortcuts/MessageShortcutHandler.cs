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
/// "Ask StudyBot about this message": a message in a thread with replies (or the parent of one) has its
/// thread summarised, with the whole thread as context; a lone message is asked as a question. Both are
/// answered from the channel's sources, with citations, and shown privately to the person who asked, with a
/// "Share in thread" button.
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
        var messages = await RepliesAsync(channel, thread, cancellationToken);
        var whole = ThreadHistory.All(messages, bot, options.Value);
        // A message in a thread with replies (or the parent of one) gets the thread summarised; a lone message is asked about.
        var summary = whole.Count > 1;
        var text = summary ? ThreadSummary.Request(whole[0].Text) : SlackText.ToPlain(selected.Text, bot.UserId);
        var reply = text.Length == 0
            ? new NoticeReply("That message has no text to ask about.")
            : await engine.AskAsync(
                new IncomingMessage(
                    SlackAddress.Of(channel, thread),
                    user,
                    text,
                    options.Value.IsAdmin(user),
                    options.Value.ForChannel(channel).Sources,
                    summary ? whole : ThreadHistory.Before(messages, ts, bot, options.Value),
                    Origin: new MessageOrigin(payload.User.TeamId, null, channel),
                    Personal: true),
                cancellationToken);

        var rendered = renderer.Render(reply);
        var progress = ReplyProgress.Of(item);
        for (var part = progress.Posted; part < rendered.Count; part++)
        {
            var message = part == rendered.Count - 1 && reply is AnswerReply { AnswerId: { } id } ? WithShareButton(rendered[part], id, thread) : rendered[part];
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

    /// <summary>The selected message's thread (conversations.replies); none where StudyBot may not read the channel.</summary>
    private async Task<IReadOnlyList<ThreadMessage>> RepliesAsync(string channel, string thread, CancellationToken cancellationToken)
    {
        try
        {
            return await api.GetRepliesAsync(channel, thread, ThreadHistory.MaxMessages, cancellationToken);
        }
        catch (SlackApiException ex) when (!ex.IsTransient)
        {
            LogNoHistory(channel, ex.Error);
            return [];
        }
    }

    [LoggerMessage(LogLevel.Information, "Slack message shortcut in {Channel} answered privately with {Reply}")]
    private partial void LogAnswered(string channel, string reply);

    [LoggerMessage(LogLevel.Information, "Slack message shortcut in {Channel}: thread not readable ({Error}); asked without it")]
    private partial void LogNoHistory(string channel, string error);
}
