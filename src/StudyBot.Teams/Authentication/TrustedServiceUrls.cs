using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using StudyBot.Teams.Configuration;

namespace StudyBot.Teams.Authentication;

/// <summary>
/// The serviceUrls seen in authenticated activities: the only hosts the connector client calls (and sends the
/// bot's token to). Without an app id (local testing) only loopback serviceUrls are trusted.
/// </summary>
internal sealed class TrustedServiceUrls(IOptions<TeamsOptions> options)
{
    private readonly ConcurrentDictionary<string, byte> _urls = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Records a serviceUrl from an activity whose token was verified (or any loopback one without auth).</summary>
    public bool Trust(string serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri))
        {
            return false;
        }

        if (!options.Value.AuthenticationEnabled && !uri.IsLoopback)
        {
            return false;
        }

        _urls.TryAdd(Normalize(uri), 0);
        return true;
    }

    public bool IsTrusted(string serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) && _urls.ContainsKey(Normalize(uri));

    private static string Normalize(Uri uri) => uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/";
}
