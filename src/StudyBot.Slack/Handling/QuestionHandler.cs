using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Adapters.Handling;
using StudyBot.Adapters.Replies;
using StudyBot.Assistant.Commands;
using StudyBot.Core.Conversations;
using StudyBot.Core.Inbox;
using StudyBot.Slack.Api;
using StudyBot.Slack.Assistant;
using StudyBot.Slack.Configuration;
using StudyBot.Slack.Intake;
using StudyBot.Slack.Replies;
using StudyBot.Slack.Wire;

namespace StudyBot.Slack.Handling;

/// <summary>
/// Answers an accepted question event in its thread: placeholder, thread context for follow-ups, then
/// the engine's reply as it is written (<see cref="StreamedReplyWriter"/>), ending as Block Kit.
/// </summary>
internal sealed partial class QuestionHandler(
    SlackApiClient api,
    SlackBotIdentity identity,
    ConversationEngine engine,
    ThreadReplyWriter writer,
    StreamedReplyWriter streamer,
    AssistantPane pane,
    IOptions<SlackOptions> options,
    ILogger<QuestionHandler> logger) : IWorkHandler<SlackWork>
{
    public string Kind => SlackWork.Events;

    public async Task HandleAsync(SlackWork work, InboxItem item, CancellationToken cancellationToken)
    {
        var callback = work.Payload.Deserialize(SlackJson.Default.EventCallback);
        var e = callback?.Event;
        var bot = await identity.GetAsync(cancellationToken);
        var settings = options.Value.ForChannel(e?.Channel ?? "");
        var kind = QuestionFilter.Classify(e, settings, bot);
        if (kind == QuestionKind.None || callback?.EventId is not { } eventId)
        {
            return;
        }

        var target = new ReplyTarget(e!.Channel!, e.ThreadRoot, eventId);
        var progress = ReplyProgress.Of(item);
        var thread = e.IsThreadReply || (progress.MessageId is null && item.Attempts > 1)
            ? await api.GetRepliesAsync(target.Channel, target.ThreadTs, ThreadHistory.MaxMessages, cancellationToken)
            : [];
        if (kind == QuestionKind.FollowUpIfInThread && !thread.Any(m => bot.Wrote(m.User, m.BotId)))
        {
            LogNotOurThread(eventId);
            return;
        }

        progress = Recover(progress, thread, bot, eventId);
        progress = await writer.EnsurePlaceholderAsync(item, progress, target, options.Value.WorkingText, cancellationToken);
        var text = SlackText.ToPlain(e.Text, bot.UserId);
        var history = History(thread, e, bot);
        var assistant = e.IsDirect && e.IsThreadReply ? await pane.FindAsync(target.Channel, target.ThreadTs, cancellationToken) : null;
        if (assistant is not null && !history.Any(turn => !turn.FromBot))
        {
            await pane.NameAsync(target.Channel, target.ThreadTs, text, cancellationToken);
        }

        var message = new IncomingMessage(
            SlackAddress.Of(target.Channel, target.ThreadTs),
            e.User!,
            text,
            options.Value.IsAdmin(e.User),
            assistant is null ? settings.Sources : pane.SourcesOf(assistant),
            history,
            Origin: new MessageOrigin(callback.TeamId, null, target.Channel),
            Personal: SlackAddress.IsDirect(target.Channel));

        var recipient = e.IsDirect ? null : new StreamRecipient(e.User!, e.UserTeam ?? e.Team ?? callback.TeamId);
        var updates = pane.ShowingStatusAsync(target.Channel, target.ThreadTs, engine.StreamAsync(message, cancellationToken), cancellationToken);
        var reply = await streamer.WriteAsync(item, progress, target, recipient, updates, cancellationToken);
        LogAnswered(eventId, target.Channel, reply.GetType().Name);
    }

    /// <summary>After a crash that lost the saved progress, the tagged messages already in the thread.</summary>
    private static ReplyProgress Recover(ReplyProgress progress, IReadOnlyList<ThreadMessage> thread, BotIdentity bot, string eventId)
    {
        if (progress.MessageId is not null || ReplyTag.Find(thread, bot, eventId, 0) is not { } placeholder)
        {
            return progress;
        }

        var posted = 1;
        while (ReplyTag.Find(thread, bot, eventId, posted) is not null)
        {
            posted++;
        }

        return new ReplyProgress(placeholder, posted);
    }

    /// <summary>The thread's earlier turns from people and StudyBot, oldest first, without placeholders.</summary>
    private List<ConversationTurn> History(IReadOnlyList<ThreadMessage> thread, SlackEvent question, BotIdentity bot) =>
        ThreadHistory.Before(thread, question.Ts, bot, options.Value);

    [LoggerMessage(LogLevel.Debug, "Slack event {EventId}: thread reply in a thread StudyBot is not part of; not answered")]
    private partial void LogNotOurThread(string eventId);

    [LoggerMessage(LogLevel.Information, "Slack event {EventId} answered in {Channel} with {Reply}")]
    private partial void LogAnswered(string eventId, string channel, string reply);
}
