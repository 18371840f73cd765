namespace StudyBot.Slack.Rendering;

/// <summary>Slack's documented Block Kit limits, and the budget StudyBot keeps under them.</summary>
internal static class BlockKitLimits
{
    /// <summary>Text of a section block.</summary>
    public const int SectionText = 3000;

    /// <summary>Blocks in one message.</summary>
    public const int BlocksPerMessage = 50;

    /// <summary>
    /// Characters of block text per message. Slack rejects messages well below 50 full sections
    /// (msg_blocks_too_long at about 13,000 characters), so longer replies become several messages.
    /// It also keeps a message's markdown blocks within the 12,000 characters they share.
    /// </summary>
    public const int MessageText = 12_000;

    /// <summary>The top-level text is the notification and fallback; kept short.</summary>
    public const int FallbackText = 3000;

    /// <summary>A button's value.</summary>
    public const int ButtonValue = 2000;
}
