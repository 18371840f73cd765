using StudyBot.Core.Conversations;
using StudyBot.Slack.Wire;

namespace StudyBot.Slack.Replies;

/// <summary>A Slack conversation's address: the channel is its space, the thread's ts its thread; Slack needs nothing more to post there.</summary>
internal static class SlackAddress
{
    public static ConversationAddress Of(string channel, string? threadTs) => new(SlackWork.Channel, channel, threadTs);

    /// <summary>Direct-message channel ids start with "D": a quiz started there is personal.</summary>
    public static bool IsDirect(string channel) => channel.StartsWith('D');
}
