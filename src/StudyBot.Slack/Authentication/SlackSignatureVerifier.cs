using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace StudyBot.Slack.Authentication;

/// <summary>
/// Slack's request signing: HMAC-SHA256 of <c>v0:{timestamp}:{raw body}</c> with the signing secret,
/// compared in constant time, within five minutes of the request's timestamp.
/// </summary>
internal sealed class SlackSignatureVerifier(byte[] signingSecret, TimeProvider time)
{
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    public const string SignatureHeader = "X-Slack-Signature";
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);
    private const string Version = "v0";

    public SignatureCheck Verify(string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return SignatureCheck.Missing;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(time.GetUtcNow().ToUnixTimeSeconds() - seconds) > Window.TotalSeconds)
        {
            return SignatureCheck.Stale;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(signingSecret, timestamp, body));
        var actual = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, actual) ? SignatureCheck.Valid : SignatureCheck.Mismatch;
    }

    /// <summary>The X-Slack-Signature value for a body: "v0=" and the lowercase hex HMAC.</summary>
    public static string Sign(byte[] secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.ASCII.GetBytes($"{Version}:{timestamp}:");
        var basestring = new byte[prefix.Length + body.Length];
        prefix.CopyTo(basestring, 0);
        body.CopyTo(basestring.AsSpan(prefix.Length));
        return Version + "=" + Convert.ToHexStringLower(HMACSHA256.HashData(secret, basestring));
    }
}

internal enum SignatureCheck
{
    Valid,
    Missing,
    Stale,
    Mismatch,
}
