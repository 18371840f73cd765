using StudyBot.Core.Inbox;
using StudyBot.Slack.Rendering;
using StudyBot.Slack.WebApi;

namespace StudyBot.Slack.Replies;

/// <summary>
/// Posts a reply in a thread exactly once per inbox item: a tagged placeholder first (its ts saved
/// in the inbox), then chat.update turns it into the answer; continuation messages of a long answer
/// are posted one by one, each recorded before the next.
/// </summary>
internal sealed class ThreadReplyWriter(SlackApiClient api, IInbox inbox)
{
    public async Task<ReplyState> EnsurePlaceholderAsync(
        InboxItem item, ReplyState state, ReplyTarget target, string workingText, CancellationToken cancellationToken)
    {
        if (state.PlaceholderTs is not null)
        {
            return state;
        }

        var posted = await api.PostMessageAsync(
            new PostMessageRequest(target.Channel, workingText, ThreadTs: target.ThreadTs, Metadata: ReplyTag.For(target.EventId, 0)), cancellationToken);
        var next = state with { PlaceholderTs = posted.Ts ?? throw new SlackApiException("chat.postMessage", "invalid_response") };
        await inbox.SaveStateAsync(item.Key, next.Serialize(), cancellationToken);
        return next;
    }

    public async Task WriteAsync(InboxItem item, ReplyState state, ReplyTarget target, IReadOnlyList<SlackMessage> messages, CancellationToken cancellationToken)
    {
        var first = messages[0];
        await api.UpdateMessageAsync(new UpdateMessageRequest(target.Channel, state.PlaceholderTs!, first.Text, first.Blocks), cancellationToken);
        for (var part = state.PartsPosted + 1; part < messages.Count; part++)
        {
            var message = messages[part];
            await api.PostMessageAsync(
                new PostMessageRequest(target.Channel, message.Text, message.Blocks, target.ThreadTs, ReplyTag.For(target.EventId, part)), cancellationToken);
            state = state with { PartsPosted = part };
            await inbox.SaveStateAsync(item.Key, state.Serialize(), cancellationToken);
        }
    }
}

/// <summary>Where a reply goes, and the event it answers.</summary>
internal sealed record ReplyTarget(string Channel, string ThreadTs, string EventId);
