using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace StudyBot.Slack.Configuration;

/// <summary>
/// StudyBot:Slack. The adapter is active once any token or secret is set; an <see cref="AppToken"/>
/// switches from HTTP endpoints (signed with <see cref="SigningSecret"/>) to Socket Mode.
/// </summary>
public sealed class SlackOptions : IValidatableObject
{
    public const string SectionName = "StudyBot:Slack";

    /// <summary>Bot user OAuth token (xoxb-…) for the Web API.</summary>
    public string BotToken { get; set; } = "";

    /// <summary>Signing secret that every HTTP request from Slack is verified with.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>App-level token (xapp-…, scope connections:write); set = Socket Mode.</summary>
    public string? AppToken { get; set; }

    /// <summary>Root of Slack's Web API; tests and proxies point it elsewhere.</summary>
    public string ApiBaseUrl { get; set; } = "https://slack.com/api/";

    /// <summary>Slack user ids treated as StudyBot admins (reindex and other admin commands).</summary>
    public IList<string> AdminUserIds { get; set; } = [];

    /// <summary>Default for channels not listed in <see cref="Channels"/>: answer only @mentions (and follow-ups in StudyBot's threads).</summary>
    public bool MentionsOnly { get; set; } = true;

    /// <summary>Default sources a channel searches; empty = all.</summary>
    public IList<string> Sources { get; set; } = [];

    /// <summary>Per-channel settings by channel id (C…, G…).</summary>
    public IDictionary<string, SlackChannelOptions> Channels { get; set; } = new Dictionary<string, SlackChannelOptions>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Public root of this StudyBot host (https://studybot.example.com); citations of file sources link to it. Empty = no link.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Text of the placeholder shown in the thread while an answer is prepared.</summary>
    [Required]
    [StringLength(200, MinimumLength = 1)]
    public string WorkingText { get; set; } = ":hourglass_flowing_sand: Looking that up…";

    /// <summary>How many earlier messages of a thread are given to the engine as context.</summary>
    [Range(0, 200)]
    public int HistoryMessages { get; set; } = 20;

    /// <summary>Stream answers from a chat model as they are written (chat.startStream); false = edit the placeholder as the text grows.</summary>
    public bool StreamAnswers { get; set; } = true;

    /// <summary>
    /// Least time between two writes of a growing answer (chat.appendStream, or chat.update where Slack
    /// does not stream): text written meanwhile goes in the next write, so a long answer costs few calls.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:30")]
    public TimeSpan StreamInterval { get; set; } = TimeSpan.FromSeconds(1);

    public bool SocketMode => !string.IsNullOrWhiteSpace(AppToken);

    public bool IsAdmin(string? userId) => userId is not null && AdminUserIds.Contains(userId, StringComparer.Ordinal);

    /// <summary>True when the section sets a token or secret, i.e. the operator means to run the Slack adapter.</summary>
    public static bool IsConfigured(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        return !string.IsNullOrWhiteSpace(section[nameof(BotToken)])
            || !string.IsNullOrWhiteSpace(section[nameof(SigningSecret)])
            || !string.IsNullOrWhiteSpace(section[nameof(AppToken)]);
    }

    /// <summary>The settings that apply to one channel.</summary>
    public SlackChannelSettings ForChannel(string channelId)
    {
        Channels.TryGetValue(channelId, out var channel);
        var sources = channel?.Sources is { Count: > 0 } own ? own : Sources;
        return new SlackChannelSettings(channel?.MentionsOnly ?? MentionsOnly, sources.Count == 0 ? null : [.. sources]);
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!BotToken.StartsWith("xoxb-", StringComparison.Ordinal))
        {
            yield return Error("must be a bot token starting with xoxb- (Slack app > OAuth & Permissions)", nameof(BotToken));
        }

        if (SocketMode && !AppToken!.StartsWith("xapp-", StringComparison.Ordinal))
        {
            yield return Error("must be an app-level token starting with xapp- (Slack app > Basic Information > App-Level Tokens)", nameof(AppToken));
        }

        if (!SocketMode && string.IsNullOrWhiteSpace(SigningSecret))
        {
            yield return Error("is required unless AppToken switches on Socket Mode (Slack app > Basic Information > Signing Secret)", nameof(SigningSecret));
        }

        if (!IsHttpUrl(ApiBaseUrl))
        {
            yield return Error("must be an absolute http(s) URL", nameof(ApiBaseUrl));
        }

        if (!string.IsNullOrWhiteSpace(PublicBaseUrl) && !IsHttpUrl(PublicBaseUrl))
        {
            yield return Error("must be an absolute http(s) URL", nameof(PublicBaseUrl));
        }
    }

    private static ValidationResult Error(string message, string member) =>
        new($"{SectionName}:{member} {message}.", [member]);

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}
