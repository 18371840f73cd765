using System.Globalization;

namespace StudyBot.Slack.Tests.Fakes;

/// <summary>Message timestamps ("1712345678.000123") that are unique and in order across the tests and the fake Slack.</summary>
internal static class SlackTimestamps
{
    private static long _micros = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;

    public static string Next()
    {
        var value = Interlocked.Increment(ref _micros);
        return (value / 1_000_000).ToString(CultureInfo.InvariantCulture) + "." + (value % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }
}
