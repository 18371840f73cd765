using StudyBot.Adapters.Replies;
using StudyBot.Core.Inbox;
using StudyBot.Slack.Api;
using StudyBot.Slack.Rendering;

namespace StudyBot.Slack.Replies;

/// <summary>
/// Posts a reply in a thread exactly once per inbox item: a tagged placeholder first (its ts saved
/// with the item), then chat.update turns it into the answer; continuation messages of a long answer
/// are posted one by one, each recorded before the next.
/// </summary>
internal sealed class ThreadReplyWriter(SlackApiClient api, IInbox inbox)
{
    public async Task<ReplyProgress> EnsurePlaceholderAsync(
        InboxItem item, ReplyProgress progress, ReplyTarget target, string workingText, CancellationToken cancellationToken)
    {
        if (progress.MessageId is not null)
        {
            return progress;
        }

        var posted = await api.PostMessageAsync(
            new PostMessageRequest(target.Channel, workingText, ThreadTs: target.ThreadTs, Metadata: ReplyTag.For(target.EventId, 0)), cancellationToken);
        var next = new ReplyProgress(posted.Ts ?? throw new SlackApiException("chat.postMessage", "invalid_response"), Posted: 1);
        await next.SaveAsync(inbox, item, cancellationToken);
        return next;
    }

    public async Task WriteAsync(InboxItem item, ReplyProgress progress, ReplyTarget target, IReadOnlyList<SlackMessage> messages, CancellationToken cancellationToken)
    {
        var first = messages[0];
        await api.UpdateMessageAsync(new UpdateMessageRequest(target.Channel, progress.MessageId!, first.Text, first.Blocks), cancellationToken);
        for (var part = Math.Max(progress.Posted, 1); part < messages.Count; part++)
        {
            var message = messages[part];
            await api.PostMessageAsync(
                new PostMessageRequest(target.Channel, message.Text, message.Blocks, target.ThreadTs, ReplyTag.For(target.EventId, part)), cancellationToken);
            progress = progress with { Posted = part + 1 };
            await progress.SaveAsync(inbox, item, cancellationToken);
        }
    }
}

/// <summary>Where a reply goes, and the event it answers.</summary>
internal sealed record ReplyTarget(string Channel, string ThreadTs, string EventId);
