namespace StudyBot.Slack.Api;

/// <summary>A Web API call that answered ok:false (or failed at the HTTP level), with the method and Slack's error code.</summary>
public sealed class SlackApiException : Exception
{
    private static readonly HashSet<string> TransientErrors = new(StringComparer.Ordinal)
    {
        "ratelimited", "rate_limited", "internal_error", "fatal_error", "service_unavailable", "request_timeout", "http_error",
    };

    public SlackApiException()
    {
    }

    public SlackApiException(string message)
        : base(message)
    {
    }

    public SlackApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SlackApiException(string method, string error, TimeSpan? retryAfter = null)
        : base($"Slack {method} failed: {error}")
    {
        Method = method;
        Error = error;
        RetryAfter = retryAfter;
    }

    public string Method { get; } = "";

    /// <summary>Slack's error code (channel_not_found, ratelimited…), or http_error / invalid_response.</summary>
    public string Error { get; } = "";

    /// <summary>How long Slack asked to wait (HTTP 429 Retry-After), when it said.</summary>
    public TimeSpan? RetryAfter { get; }

    public bool IsRateLimited => Error is "ratelimited" or "rate_limited";

    /// <summary>True when trying again later may succeed; false for errors such as channel_not_found or invalid_auth.</summary>
    public bool IsTransient => TransientErrors.Contains(Error);
}
