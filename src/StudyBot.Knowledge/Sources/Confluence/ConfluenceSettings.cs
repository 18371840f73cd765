using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using StudyBot.Knowledge.Configuration;

namespace StudyBot.Knowledge.Sources.Confluence;

/// <summary>A Confluence source's options, checked at start-up and turned into what the client needs.</summary>
public sealed partial record ConfluenceSettings(
    Uri BaseUrl,
    ConfluenceFlavor Flavor,
    AuthenticationHeaderValue Authorization,
    IReadOnlyList<string> SpaceKeys,
    string? Cql,
    IReadOnlyList<string> Labels,
    bool IncludePdfAttachments)
{
    /// <summary>BaseUrl without a trailing slash, for appending REST paths and web UI links.</summary>
    public string Root => BaseUrl.ToString().TrimEnd('/');

    /// <summary>True when pages are listed through CQL search rather than the plain page listing.</summary>
    public bool UsesCql => Cql is not null || Labels.Count > 0;

    /// <summary>The failures of <paramref name="source"/>, each naming its key under <paramref name="key"/>.</summary>
    public static IEnumerable<string> Validate(string key, SourceOptions source)
    {
        if (!Uri.TryCreate(source.BaseUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
        {
            yield return $"{key}:BaseUrl must be the site's http(s) root, e.g. https://your-site.atlassian.net/wiki (was '{source.BaseUrl}').";
        }

        var flavor = FlavorOf(source, baseUrl);
        switch (flavor)
        {
            case null:
                yield return $"{key}:Flavor must be Cloud or DataCenter (was '{source.Flavor}').";
                break;
            case ConfluenceFlavor.Cloud when string.IsNullOrWhiteSpace(source.Email) || string.IsNullOrWhiteSpace(source.ApiToken):
                yield return $"{key}:Email and {key}:ApiToken are required for Confluence Cloud.";
                break;
            case ConfluenceFlavor.DataCenter when string.IsNullOrWhiteSpace(source.PersonalAccessToken):
                yield return $"{key}:PersonalAccessToken is required for Confluence Data Center.";
                break;
        }

        if (source.SpaceKeys.Length == 0)
        {
            yield return $"{key}:SpaceKeys must name at least one space.";
        }

        foreach (var space in source.SpaceKeys.Where(s => !SpaceKey().IsMatch(s)))
        {
            yield return $"{key}:SpaceKeys: '{space}' is not a space key (letters, digits, '_' and a leading '~').";
        }

        foreach (var label in source.Labels.Where(l => string.IsNullOrWhiteSpace(l) || l.Contains('"', StringComparison.Ordinal)))
        {
            yield return $"{key}:Labels: '{label}' is not a label.";
        }

        if (source.Cql is { } cql && OrderBy().IsMatch(cql))
        {
            yield return $"{key}:Cql is a filter; leave out ORDER BY.";
        }
    }

    /// <summary>Settings of a source that passed <see cref="Validate"/>.</summary>
    public static ConfluenceSettings From(SourceOptions source)
    {
        var baseUrl = new Uri(source.BaseUrl!.TrimEnd('/'));
        var flavor = FlavorOf(source, baseUrl) ?? throw new InvalidOperationException("Confluence options were not validated");
        var authorization = flavor == ConfluenceFlavor.Cloud
            ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{source.Email}:{source.ApiToken}")))
            : new AuthenticationHeaderValue("Bearer", source.PersonalAccessToken);
        return new ConfluenceSettings(
            baseUrl, flavor, authorization, source.SpaceKeys, string.IsNullOrWhiteSpace(source.Cql) ? null : source.Cql.Trim(),
            source.Labels, source.IncludePdfAttachments);
    }

    private static ConfluenceFlavor? FlavorOf(SourceOptions source, Uri? baseUrl) => source.Flavor switch
    {
        null or "" when baseUrl?.Host.EndsWith(".atlassian.net", StringComparison.OrdinalIgnoreCase) == true => ConfluenceFlavor.Cloud,
        _ when Enum.TryParse<ConfluenceFlavor>(source.Flavor, ignoreCase: true, out var flavor) && Enum.IsDefined(flavor) => flavor,
        _ => null,
    };

    [GeneratedRegex("^~?[A-Za-z0-9_]{1,255}$")]
    private static partial Regex SpaceKey();

    [GeneratedRegex(@"\border\s+by\b", RegexOptions.IgnoreCase)]
    private static partial Regex OrderBy();
}
