using System.Net;
using System.Text.RegularExpressions;

namespace StudyBot.Slack.Handling;

/// <summary>Slack message markup to the plain text the engine reads: StudyBot's mention removed, links and mentions readable.</summary>
internal static partial class SlackText
{
    public static string ToPlain(string? text, string? botUserId)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var plain = Markup().Replace(text, match =>
        {
            var target = match.Groups["target"].Value;
            var label = match.Groups["label"].Success ? match.Groups["label"].Value : null;
            return target[0] switch
            {
                '@' when target[1..] == botUserId => "",
                '@' => "@" + (label ?? target[1..]),
                '#' => "#" + (label ?? target[1..]),
                '!' => "@" + (label ?? target[1..].Split('^')[0]),
                _ => label ?? target,
            };
        });
        return WebUtility.HtmlDecode(plain).Trim();
    }

    [GeneratedRegex(@"<(?<target>[^|>]+)(?:\|(?<label>[^>]*))?>")]
    private static partial Regex Markup();
}
