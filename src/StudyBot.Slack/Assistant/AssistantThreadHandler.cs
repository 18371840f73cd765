using System.Text.Json;
using Microsoft.Extensions.Logging;
using StudyBot.Adapters.Handling;
using StudyBot.Adapters.Replies;
using StudyBot.Core.Conversations;
using StudyBot.Core.Inbox;
using StudyBot.Slack.Api;
using StudyBot.Slack.Replies;
using StudyBot.Slack.Wire;

namespace StudyBot.Slack.Assistant;

/// <summary>
/// The assistant pane's own events: every one records the channel the person has open beside the pane
/// (so questions there search that channel's sources); assistant_thread_started also greets, once,
/// and sets the suggested prompts.
/// </summary>
internal sealed partial class AssistantThreadHandler(
    SlackApiClient api,
    SlackBotIdentity identity,
    ThreadReplyWriter writer,
    IConversationContextStore contexts,
    ILogger<AssistantThreadHandler> logger) : IWorkHandler<SlackWork>
{
    public string Kind => SlackWork.AssistantThreads;

    public async Task HandleAsync(SlackWork work, InboxItem item, CancellationToken cancellationToken)
    {
        var callback = work.Payload.Deserialize(SlackJson.Default.EventCallback);
        if (callback?.Event?.AssistantThread is not { ChannelId: { } channel, ThreadTs: { } thread } pane || callback.EventId is not { } eventId)
        {
            return;
        }

        var viewed = pane.Context?.ChannelId;
        await contexts.SaveAsync(SlackAddress.Of(channel, thread), viewed, cancellationToken);
        LogContext(channel, thread, viewed ?? "none");
        if (callback.Event.Type != AssistantThread.Started)
        {
            return;
        }

        var target = new ReplyTarget(channel, thread, eventId);
        var progress = await RecoverAsync(item, target, cancellationToken);
        await writer.EnsurePlaceholderAsync(item, progress, target, AssistantPrompts.Greeting, cancellationToken);
        await api.SetSuggestedPromptsAsync(new SetSuggestedPromptsRequest(channel, thread, AssistantPrompts.Suggested, AssistantPrompts.Title), cancellationToken);
    }

    /// <summary>The greeting saved with the item, or, after a crash that lost it, the tagged greeting already in the thread.</summary>
    private async Task<ReplyProgress> RecoverAsync(InboxItem item, ReplyTarget target, CancellationToken cancellationToken)
    {
        var progress = ReplyProgress.Of(item);
        if (progress.MessageId is not null || item.Attempts <= 1)
        {
            return progress;
        }

        var bot = await identity.GetAsync(cancellationToken);
        var thread = await api.GetRepliesAsync(target.Channel, target.ThreadTs, max: 50, cancellationToken);
        return ReplyTag.Find(thread, bot, target.EventId, 0) is { } greeting ? new ReplyProgress(greeting, Posted: 1) : progress;
    }

    [LoggerMessage(LogLevel.Information, "Slack assistant thread {Channel}:{Thread} beside channel {Viewed}")]
    private partial void LogContext(string channel, string thread, string viewed);
}
