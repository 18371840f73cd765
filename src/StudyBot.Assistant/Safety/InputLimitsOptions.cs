using System.ComponentModel.DataAnnotations;

namespace StudyBot.Assistant.Safety;

/// <summary>
/// StudyBot:Safety — the length cap every front end gets from the conversation engine, the rate limits
/// of chat users (Slack, Teams) and those of web and API callers (the playground, /api/ask, /api/chat).
/// </summary>
public sealed class InputLimitsOptions
{
    public const string SectionName = "StudyBot:Safety";

    /// <summary>Longest message or question accepted, in characters.</summary>
    [Range(10, 100_000, ErrorMessage = "StudyBot:Safety:MaxQuestionChars must be between {1} and {2}.")]
    public int MaxQuestionChars { get; set; } = 2000;

    /// <summary>Messages one chat user may send per minute (a burst of this many, then one per 60/n s); 0 = no limit.</summary>
    [Range(0, 100_000, ErrorMessage = "StudyBot:Safety:UserMessagesPerMinute must be between {1} and {2}.")]
    public int UserMessagesPerMinute { get; set; } = 20;

    /// <summary>Messages one chat channel (Slack channel, Teams conversation) may send per minute; 0 = no limit.</summary>
    [Range(0, 100_000, ErrorMessage = "StudyBot:Safety:ChannelMessagesPerMinute must be between {1} and {2}.")]
    public int ChannelMessagesPerMinute { get; set; } = 60;

    /// <summary>
    /// Questions one web or API caller may send per minute (a burst of this many, then one per 60/n s): a caller
    /// is its X-StudyBot-User id (the playground sends one per browser), else its client address. 0 = no limit.
    /// </summary>
    [Range(0, 100_000, ErrorMessage = "StudyBot:Safety:WebCallerMessagesPerMinute must be between {1} and {2}.")]
    public int WebCallerMessagesPerMinute { get; set; } = 60;

    /// <summary>Questions all web and API callers of one client address may send together per minute; 0 = no limit.</summary>
    [Range(0, 100_000, ErrorMessage = "StudyBot:Safety:WebAddressMessagesPerMinute must be between {1} and {2}.")]
    public int WebAddressMessagesPerMinute { get; set; } = 300;
}
