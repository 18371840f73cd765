using System.Text;

namespace StudyBot.Slack.Rendering;

/// <summary>Slack's mrkdwn: escaping of control characters and splitting to size limits.</summary>
internal static class Mrkdwn
{
    /// <summary>Escapes &amp;, &lt; and &gt; so text cannot form links or mentions (&lt;!channel&gt;).</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>A link; the label is escaped, the URL made safe for the &lt;url|label&gt; syntax.</summary>
    public static string Link(string url, string label)
    {
        var safeUrl = new StringBuilder(url.Length);
        foreach (var c in url)
        {
            safeUrl.Append(c switch
            {
                '|' => "%7C",
                '<' => "%3C",
                '>' => "%3E",
                ' ' => "%20",
                _ => c.ToString(),
            });
        }

        return $"<{safeUrl}|{Escape(label).Replace("|", "¦", StringComparison.Ordinal)}>";
    }

    /// <summary>Shortens already escaped text to at most <paramref name="max"/> characters, ending with an ellipsis.</summary>
    public static string Truncate(string escaped, int max) =>
        escaped.Length <= max ? escaped : escaped[..SafeCut(escaped, max - 1)].TrimEnd() + "…";

    /// <summary>
    /// Splits already escaped text into pieces of at most <paramref name="max"/> characters, at a
    /// paragraph, line or word break where possible and never inside an entity such as &amp;amp;.
    /// </summary>
    public static IReadOnlyList<string> Split(string escaped, int max)
    {
        var parts = new List<string>();
        var rest = escaped.Trim();
        while (rest.Length > max)
        {
            var window = rest[..(max + 1)];
            var cut = Break(window, "\n\n") ?? Break(window, "\n") ?? Break(window, " ") ?? SafeCut(rest, max);
            parts.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0)
        {
            parts.Add(rest);
        }

        return parts;
    }

    private static int? Break(string window, string separator)
    {
        var at = window.LastIndexOf(separator, StringComparison.Ordinal);
        return at > 0 ? at : null;
    }

    /// <summary>A hard cut at or before <paramref name="max"/> that does not split an entity.</summary>
    private static int SafeCut(string text, int max)
    {
        var amp = text.LastIndexOf('&', max - 1, Math.Min(max, 6));
        return amp > 0 && text.IndexOf(';', amp) >= max ? amp : max;
    }
}
