using System.ComponentModel.DataAnnotations;

namespace StudyBot.Operations.Alerts;

/// <summary>
/// StudyBot:Alerts — where StudyBot tells admins that a source keeps failing or the host is not
/// ready: a Slack incoming webhook and/or a Teams webhook (a Workflows "post to a channel when a
/// webhook request is received" URL, or a legacy incoming webhook). Neither set = no alerts.
/// </summary>
public sealed class AlertOptions : IValidatableObject
{
    public const string SectionName = "StudyBot:Alerts";

    /// <summary>Secret URL (https://hooks.slack.com/services/…).</summary>
    public Uri? SlackWebhookUrl { get; set; }

    /// <summary>Secret URL of a Teams Workflows webhook or incoming webhook.</summary>
    public Uri? TeamsWebhookUrl { get; set; }

    /// <summary>Failed runs in a row (retries count) before a source's alert; one alert per streak, then one when it recovers.</summary>
    [Range(1, 1000, ErrorMessage = "StudyBot:Alerts:SourceFailuresBeforeAlert must be between {1} and {2}.")]
    public int SourceFailuresBeforeAlert { get; set; } = 3;

    /// <summary>How long the host may stay not ready (index not loaded) before an alert.</summary>
    [Range(10, 86_400, ErrorMessage = "StudyBot:Alerts:ReadinessGraceSeconds must be between {1} and {2}.")]
    public int ReadinessGraceSeconds { get; set; } = 300;

    [Range(1, 3_600, ErrorMessage = "StudyBot:Alerts:ReadinessCheckSeconds must be between {1} and {2}.")]
    public int ReadinessCheckSeconds { get; set; } = 30;

    public bool Enabled => SlackWebhookUrl is not null || TeamsWebhookUrl is not null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, url) in new[] { ("SlackWebhookUrl", SlackWebhookUrl), ("TeamsWebhookUrl", TeamsWebhookUrl) })
        {
            if (url is not null && (!url.IsAbsoluteUri || url.Scheme is not ("https" or "http")))
            {
                yield return new ValidationResult($"StudyBot:Alerts:{name} must be an absolute http(s) URL.", [name]);
            }
        }
    }
}
