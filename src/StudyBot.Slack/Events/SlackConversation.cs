namespace StudyBot.Slack.Events;

internal static class SlackConversation
{
    /// <summary>Direct-message channel ids start with "D": a quiz started there is personal.</summary>
    public static bool IsDirect(string channelId) => channelId.StartsWith('D');

    /// <summary>A conversation id, also the reply address: "C123" for a channel, "C123:1712345678.000100" for a thread.</summary>
    public static string Address(string channel, string? threadTs) => threadTs is null ? channel : $"{channel}:{threadTs}";

    public static (string Channel, string? ThreadTs) Parse(string address)
    {
        var separator = address.IndexOf(':', StringComparison.Ordinal);
        return separator < 0 ? (address, null)
            : (address[..separator], separator == address.Length - 1 ? null : address[(separator + 1)..]);
    }
}
