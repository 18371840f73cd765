namespace StudyBot.Core.Conversations;

/// <summary>
/// Posts a reply, unprompted, into a conversation of one channel: the next question of a channel
/// quiz when its timer runs out, the results at the end, a re-index outcome. The address is the one
/// stored with the work (a quiz session, a queued job), so any instance can post, also after a restart.
/// </summary>
public interface IReplyPoster
{
    /// <summary>The <see cref="ConversationAddress.Channel"/> this poster serves.</summary>
    string Channel { get; }

    Task PostAsync(ConversationAddress conversation, Reply reply, CancellationToken cancellationToken);
}
