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
    IOptions<SlackOptions> options,
    ILogger<QuestionHandler> logger) : IWorkHandler<SlackWork>
{
    private const int MaxThreadMessages = 1000;

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
            ? await api.GetRepliesAsync(target.Channel, target.ThreadTs, MaxThreadMessages, cancellationToken)
            : [];
        if (kind == QuestionKind.FollowUpIfInThread && !thread.Any(m => bot.Wrote(m.User, m.BotId)))
        {
            LogNotOurThread(eventId);
            return;
        }

        progress = Recover(progress, thread, bot, eventId);
        progress = await writer.EnsurePlaceholderAsync(item, progress, target, options.Value.WorkingText, cancellationToken);
        var message = new IncomingMessage(
            SlackAddress.Of(target.Channel, target.ThreadTs),
            e.User!,
            SlackText.ToPlain(e.Text, bot.UserId),
            options.Value.IsAdmin(e.User),
            settings.Sources,
            History(thread, e, bot),
            Origin: new MessageOrigin(callback.TeamId, null, target.Channel),
            Personal: SlackAddress.IsDirect(target.Channel));

        var recipient = e.IsDirect ? null : new StreamRecipient(e.User!, e.UserTeam ?? e.Team ?? callback.TeamId);
        var reply = await streamer.WriteAsync(item, progress, target, recipient, engine.StreamAsync(message, cancellationToken), cancellationToken);
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
        thread
            .Where(m => m.Ts is not null && string.CompareOrdinal(m.Ts, question.Ts) < 0)
            .Where(m => m.BotId is null || bot.Wrote(m.User, m.BotId))
            .Where(m => m.Subtype is null or "thread_broadcast" or "bot_message")
            .Where(m => !string.IsNullOrWhiteSpace(m.Text) && m.Text != options.Value.WorkingText)
            .Select(m => new ConversationTurn(bot.Wrote(m.User, m.BotId), SlackText.ToPlain(m.Text, bot.UserId)))
            .TakeLast(options.Value.HistoryMessages)
            .ToList();

    [LoggerMessage(LogLevel.Debug, "Slack event {EventId}: thread reply in a thread StudyBot is not part of; not answered")]
    private partial void LogNotOurThread(string eventId);

    [LoggerMessage(LogLevel.Information, "Slack event {EventId} answered in {Channel} with {Reply}")]
    private partial void LogAnswered(string eventId, string channel, string reply);
}
