using System.Net;
using System.Text.RegularExpressions;
using StudyBot.Teams.Wire;

namespace StudyBot.Teams.Handling;

/// <summary>A message's text without the bot's &lt;at&gt; mention, as the engine expects it.</summary>
internal static partial class MentionText
{
    public static string Strip(Activity activity)
    {
        var text = activity.Text ?? "";
        foreach (var mention in activity.Entities?.Where(e => e.Type == "mention") ?? [])
        {
            var isBot = mention.Mentioned?.Id is { } id && id == activity.Recipient?.Id;
            var tag = mention.Text ?? (mention.Mentioned?.Name is { } name ? $"<at>{name}</at>" : null);
            if (tag is null)
            {
                continue;
            }

            // The bot's own mention goes; other people's mentions stay as their names.
            text = text.Replace(tag, isBot ? " " : StripTags(tag), StringComparison.Ordinal);
        }

        return Whitespace().Replace(WebUtility.HtmlDecode(text), " ").Trim();
    }

    private static string StripTags(string tag) => AtTag().Replace(tag, "");

    [GeneratedRegex("</?at>")]
    private static partial Regex AtTag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
