using System.Text.RegularExpressions;

namespace StudyBot.Operations.Telemetry;

/// <summary>
/// Removes credentials and e-mail addresses from log text: the configured secrets themselves, then
/// well-known token shapes (Slack, OpenAI, Notion, GitHub, Atlassian, AWS, JWTs, Authorization
/// headers), "password=…"-style pairs, passwords in URLs, and e-mail addresses.
/// </summary>
public sealed partial class LogRedactor
{
    public const string Redacted = "[redacted]";
    public const string RedactedEmail = "[redacted-email]";
    private const int MinSecretLength = 6;
    private readonly string[] _secrets;

    /// <param name="secrets">Exact values to remove wherever they appear (configured tokens and keys).</param>
    public LogRedactor(IEnumerable<string?> secrets)
    {
        _secrets = [.. secrets.OfType<string>().Where(s => s.Length >= MinSecretLength).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length)];
    }

    /// <summary>The values of every StudyBot:* key whose name marks a secret (…Token, …Secret, …Password, …Key).</summary>
    public static LogRedactor FromConfiguration(IConfiguration configuration) => new(
        configuration.GetSection("StudyBot").AsEnumerable()
            .Where(pair => SecretKeyName().IsMatch(pair.Key))
            .Select(pair => pair.Value));

    public string Redact(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Redacted, StringComparison.Ordinal);
        }

        text = AuthorizationHeader().Replace(text, "$1 " + Redacted);
        text = KnownToken().Replace(text, Redacted);
        text = SecretPair().Replace(text, "$1" + Redacted);
        text = UrlPassword().Replace(text, "$1$2:" + Redacted + "@");
        return Email().Replace(text, RedactedEmail);
    }

    [GeneratedRegex(@"(?:Token|Secret|Password|Key)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretKeyName();

    [GeneratedRegex(@"\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AuthorizationHeader();

    [GeneratedRegex(
        @"\bx(?:ox[abposre]|app)-[A-Za-z0-9-]{8,}"            // Slack bot, user, app tokens
        + @"|\bsk-(?:proj-|ant-|svcacct-)?[A-Za-z0-9_-]{16,}"   // OpenAI-style API keys
        + @"|\b(?:secret_|ntn_)[A-Za-z0-9]{20,}"               // Notion integration tokens
        + @"|\bgh[pousr]_[A-Za-z0-9]{20,}"                     // GitHub tokens
        + @"|\bATATT[A-Za-z0-9_=-]{20,}"                       // Atlassian API tokens
        + @"|\bAKIA[0-9A-Z]{16}\b"                             // AWS access key ids
        + @"|\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*", // JWTs
        RegexOptions.CultureInvariant)]
    private static partial Regex KnownToken();

    // "password=x", "apiKey: x", "\"client_secret\":\"x\"", "AppPassword=x;" — the name stays, the value goes.
    [GeneratedRegex(
        @"(\b[\w-]*(?:token|secret|password|passwd|pwd|api[_-]?key|admin[_-]?key|access[_-]?key)[""']?\s*[=:]\s*[""']?)([^\s""'&;,]{3,})",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretPair();

    [GeneratedRegex(@"\b([a-z][a-z0-9+.-]*://)([^/\s:@]+):([^/\s@]+)@", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlPassword();

    [GeneratedRegex(@"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b", RegexOptions.CultureInvariant)]
    private static partial Regex Email();
}
