using StudyBot.Adapters.Replies;
using StudyBot.Core.Inbox;
using StudyBot.Teams.Api;
using StudyBot.Teams.Wire;

namespace StudyBot.Teams.Replies;

/// <summary>
/// Sends the one reply an inbox item produces, so that it appears once even if the process dies mid-way:
/// the id of the sent message is saved with the item, and a retry updates that message instead of
/// sending another.
/// </summary>
internal sealed class ReplyDelivery(ConnectorClient connector, IInbox inbox)
{
    /// <param name="replyToId">The activity to thread under; null sends a new message to the conversation.</param>
    /// <returns>The id of the message that holds the reply, when the Connector gave one.</returns>
    public async Task<string?> DeliverAsync(InboxItem item, ConversationReference to, string? replyToId, Activity reply, CancellationToken cancellationToken)
    {
        if (ReplyProgress.Of(item).MessageId is { } sent)
        {
            await connector.UpdateAsync(to, sent, reply, cancellationToken);
            return sent;
        }

        var id = replyToId is null
            ? await connector.SendAsync(to, reply, cancellationToken)
            : await connector.ReplyAsync(to, replyToId, reply, cancellationToken);
        if (id is not null)
        {
            await new ReplyProgress(id, Posted: 1).SaveAsync(inbox, item, cancellationToken);
        }

        return id;
    }

    /// <summary>Whether a reply was already sent for this item (then no typing indicator is needed).</summary>
    public static bool AlreadySent(InboxItem item) => ReplyProgress.Of(item).MessageId is not null;
}
