namespace StudyBot.Core.Quizzes;

/// <summary>
/// Where a leaderboard counts: the channel a thread belongs to, so a Slack channel's or a Teams
/// channel's quizzes share one ranking although each runs in its own thread.
/// </summary>
public static class ConversationSpace
{
    /// <summary>Slack "C123:1712345678.000100" → "C123"; Teams "19:abc@thread.skype;messageid=1" → "19:abc@thread.skype"; others unchanged.</summary>
    public static string Of(string channel, string conversationId)
    {
        var end = channel switch
        {
            "slack" => conversationId.IndexOf(':', StringComparison.Ordinal),
            "teams" => conversationId.IndexOf(";messageid=", StringComparison.Ordinal),
            _ => -1,
        };
        return end > 0 ? conversationId[..end] : conversationId;
    }
}
