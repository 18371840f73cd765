using System.Text;
using System.Text.RegularExpressions;

namespace StudyBot.Slack.Rendering;

/// <summary>
/// Standard markdown for Slack's markdown block, which renders what mrkdwn shows as literal text: lists,
/// fenced code, [label](url) links, **bold** and headings. An answer that uses none of these stays in mrkdwn.
/// </summary>
internal static partial class Markdown
{
    private const string Fence = "```";

    /// <summary>Whether the markdown block shows <paramref name="text"/> better than mrkdwn would.</summary>
    public static bool RendersBetter(string text) => Structure().IsMatch(text);

    /// <summary>
    /// Splits text into pieces of at most <paramref name="max"/> characters like <see cref="Mrkdwn.Split"/>;
    /// a code block cut in two is closed at the end of one piece and reopened at the start of the next.
    /// </summary>
    public static IReadOnlyList<string> Split(string text, int max)
    {
        var reopen = Fence.Length + 1;
        var parts = new List<string>();
        var open = false;
        foreach (var piece in Mrkdwn.Split(text, max - 2 * reopen))
        {
            var part = new StringBuilder();
            if (open)
            {
                part.Append(Fence).Append('\n');
            }

            part.Append(piece);
            open ^= CountFences(piece) % 2 == 1;
            if (open)
            {
                part.Append('\n').Append(Fence);
            }

            parts.Add(part.ToString());
        }

        return parts;
    }

    /// <summary>
    /// Text for a markdown block or a stream with Slack's mention tokens (&lt;!channel&gt;, &lt;@U…&gt;, &lt;#C…&gt;) broken by a
    /// zero-width space, so a quoted document or a model's answer shows them as text and never notifies
    /// anyone; mrkdwn gets the same from its escaping. <paramref name="previous"/> is the character
    /// before <paramref name="text"/> when text arrives in pieces (a token split between two deltas).
    /// </summary>
    public static string Neutralize(string text, char? previous = null)
    {
        var safe = MentionToken().Replace(text, "<\u200B$1");
        return previous == '<' && safe.Length > 0 && safe[0] is '!' or '@' or '#' ? "\u200B" + safe : safe;
    }

    private static int CountFences(string text) => FenceLine().Count(text);

    // A list item, a fenced code block, a [label](url) link, **bold** or a heading.
    [GeneratedRegex(@"^\s{0,3}(?:[-*+] |\d{1,3}[.)] |#{1,6} |```)|\[[^\]\n]+\]\(https?://[^)\s]+\)|\*\*[^*\n]+\*\*", RegexOptions.Multiline)]
    private static partial Regex Structure();

    [GeneratedRegex("<([!@#])")]
    private static partial Regex MentionToken();

    [GeneratedRegex(@"^\s{0,3}```", RegexOptions.Multiline)]
    private static partial Regex FenceLine();
}
