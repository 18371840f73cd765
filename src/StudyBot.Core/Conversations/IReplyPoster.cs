namespace StudyBot.Core.Conversations;

/// <summary>
/// Posts an engine reply, unprompted, into a conversation of one channel: the next question of a
/// channel quiz when its timer runs out, the results at the end. The rich sibling of
/// <see cref="Admin.IChannelNotifier"/>, which carries text only.
/// </summary>
public interface IReplyPoster
{
    string Channel { get; }

    Task PostAsync(string conversationId, Reply reply, CancellationToken cancellationToken);
}
