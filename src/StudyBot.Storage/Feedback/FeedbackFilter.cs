using System.Globalization;

namespace StudyBot.Storage.Feedback;

/// <summary>Filters of the feedback list and export: vote time window, vote, prompt version, channel.</summary>
public sealed record FeedbackFilter(DateTimeOffset? From, DateTimeOffset? To, bool? Helpful, string? PromptVersion, string? Channel, int Limit)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 100_000;

    /// <summary>Reads ?from=&amp;to= (ISO 8601 dates or times, UTC unless an offset is given), ?helpful=true|false, ?promptVersion=, ?channel=, ?limit=.</summary>
    public static (FeedbackFilter? Filter, string? Error) Parse(IQueryCollection query, int defaultLimit)
    {
        if (!TryTime(query["from"], out var from) || !TryTime(query["to"], out var to))
        {
            return (null, "'from' and 'to' must be ISO 8601 dates or times, e.g. 2026-12-01 or 2026-12-01T08:00:00Z.");
        }

        bool? helpful = null;
        if (query["helpful"].ToString() is { Length: > 0 } vote)
        {
            if (!bool.TryParse(vote, out var value))
            {
                return (null, "'helpful' must be true or false.");
            }

            helpful = value;
        }

        var limit = defaultLimit;
        if (query["limit"].ToString() is { Length: > 0 } text && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            return (null, $"'limit' must be between 1 and {MaxLimit}.");
        }

        var version = query["promptVersion"].ToString();
        var channel = query["channel"].ToString();
        return (new FeedbackFilter(from, to, helpful, version.Length > 0 ? version : null, channel.Length > 0 ? channel : null, limit), null);
    }

    private static bool TryTime(string? text, out DateTimeOffset? value)
    {
        value = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return false;
        }

        value = parsed;
        return true;
    }
}
