namespace StudyBot.Slack.Configuration;

/// <summary>StudyBot:Slack:Channels:&lt;channel id&gt;.</summary>
public sealed class SlackChannelOptions
{
    /// <summary>Sources this channel searches; empty = the adapter-wide default.</summary>
    public IList<string> Sources { get; set; } = [];

    /// <summary>False = answer every message in the channel, not only @mentions; null = the adapter-wide default.</summary>
    public bool? MentionsOnly { get; set; }
}

/// <summary>The resolved settings of one channel.</summary>
/// <param name="Sources">Null = all sources.</param>
public sealed record SlackChannelSettings(bool MentionsOnly, IReadOnlyCollection<string>? Sources);
