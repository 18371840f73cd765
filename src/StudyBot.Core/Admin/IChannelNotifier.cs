namespace StudyBot.Core.Admin;

/// <summary>Posts an unprompted message into a conversation of one channel (e.g. "re-index finished").</summary>
public interface IChannelNotifier
{
    string Channel { get; }

    Task NotifyAsync(string conversationId, string text, CancellationToken cancellationToken);
}
