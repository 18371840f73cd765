namespace StudyBot.Slack.Events;

internal static class SlackConversation
{
    /// <summary>Direct-message channel ids start with "D": a quiz started there is personal.</summary>
    public static bool IsDirect(string channelId) => channelId.StartsWith('D');
}
