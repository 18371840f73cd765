using System.ComponentModel.DataAnnotations;

namespace StudyBot.Assistant.Safety;

/// <summary>
/// StudyBot:Safety — the length cap and the rate limits every front end (Slack, Teams, the web
/// playground, /api/ask, /api/chat, the command line) gets from the conversation engine.
/// </summary>
public sealed class InputLimitsOptions
{
    public const string SectionName = "StudyBot:Safety";

    /// <summary>Longest message or question accepted, in characters.</summary>
    [Range(10, 100_000, ErrorMessage = "StudyBot:Safety:MaxQuestionChars must be between {1} and {2}.")]
    public int MaxQuestionChars { get; set; } = 2000;

    /// <summary>Messages one user may send per minute (a burst of this many, then one per 60/n s); 0 = no limit.</summary>
    [Range(0, 100_000, ErrorMessage = "StudyBot:Safety:UserMessagesPerMinute must be between {1} and {2}.")]
    public int UserMessagesPerMinute { get; set; } = 20;

    /// <summary>Messages one channel (Slack channel, Teams conversation, web conversation) may send per minute; 0 = no limit.</summary>
    [Range(0, 100_000, ErrorMessage = "StudyBot:Safety:ChannelMessagesPerMinute must be between {1} and {2}.")]
    public int ChannelMessagesPerMinute { get; set; } = 60;
}
