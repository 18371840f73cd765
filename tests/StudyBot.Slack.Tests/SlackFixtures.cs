using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using StudyBot.Slack.Authentication;
using StudyBot.Slack.Tests.Fakes;
using StudyBot.Tests;

namespace StudyBot.Slack.Tests;

/// <summary>The recorded Slack payloads in ../shared/fixtures/slack, read in place, and request signing.</summary>
internal static class SlackFixtures
{
    public const string SigningSecret = "8f742231b10e8888abcd99yyyzzz85a5";

    public static string Text(params string[] parts) => File.ReadAllText(TestPaths.Fixture(["slack", .. parts]));

    public static JsonObject Json(params string[] parts) => JsonNode.Parse(Text(parts))!.AsObject();

    /// <summary>An Events API fixture with its identity made unique and the question changed; the shape stays Slack's.</summary>
    public static JsonObject Event(string file, string text, string? channel = null, string? threadTs = null, string? user = null)
    {
        var body = Json("events", file);
        var e = body["event"]!.AsObject();
        var ts = SlackTimestamps.Next();
        body["event_id"] = "Ev" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        e["text"] = text;
        e["ts"] = ts;
        e["event_ts"] = ts;
        if (channel is not null)
        {
            e["channel"] = channel;
        }

        if (threadTs is not null)
        {
            e["thread_ts"] = threadTs;
        }

        if (user is not null)
        {
            e["user"] = user;
        }

        return body;
    }

    public static string NewChannel(char kind = 'C') => kind + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    /// <summary>Headers Slack would send for this body, signed now (or at <paramref name="at"/>) with <paramref name="secret"/>.</summary>
    public static (string Timestamp, string Signature) Sign(string body, string secret = SigningSecret, DateTimeOffset? at = null) =>
        Sign(Encoding.UTF8.GetBytes(body), secret, at);

    public static (string Timestamp, string Signature) Sign(byte[] body, string secret = SigningSecret, DateTimeOffset? at = null)
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return (timestamp, SlackSignatureVerifier.Sign(Encoding.UTF8.GetBytes(secret), timestamp, body));
    }

    public static byte[] Bytes(params string[] parts) => File.ReadAllBytes(TestPaths.Fixture(["slack", .. parts]));

    /// <summary>A payload shape read from Slack's documentation, kept in this project's Fixtures folder (SOURCES.md names the page).</summary>
    public static JsonObject Documented(params string[] parts) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine([TestPaths.RepositoryRoot, "tests", "StudyBot.Slack.Tests", "Fixtures", .. parts])))!.AsObject();
}
