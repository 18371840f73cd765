namespace StudyBot.Core.Admin;

/// <summary>Posts an unprompted message into a conversation of one channel (e.g. "re-index finished").</summary>
public interface IChannelNotifier
{
    string Channel { get; }

    /// <param name="replyAddress">An <see cref="Conversations.IncomingMessage.ReplyAddress"/> of this channel.</param>
    Task NotifyAsync(string replyAddress, string text, CancellationToken cancellationToken);
}
