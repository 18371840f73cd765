using System.Net;
using System.Text.RegularExpressions;

namespace StudyBot.Teams.MessageActions;

/// <summary>
/// The words of a selected message, as the engine reads a question: Teams gives the body as HTML (mentions as
/// &lt;at&gt;, line breaks as &lt;br&gt; and blocks), or as plain text. Attachments (images, files, cards) have no words.
/// </summary>
internal static partial class SelectedMessageText
{
    public static string Of(SelectedMessage message)
    {
        var text = message.Content;
        if (!string.Equals(message.ContentType, "text", StringComparison.OrdinalIgnoreCase))
        {
            text = LineBreak().Replace(text, "\n");
            text = WebUtility.HtmlDecode(Tag().Replace(text, ""));
        }

        var lines = text.Split('\n').Select(line => Spaces().Replace(line, " ").Trim()).Where(line => line.Length > 0);
        return string.Join('\n', lines);
    }

    [GeneratedRegex(@"<br\s*/?>|</(p|div|li|h[1-6]|blockquote|pre|tr)>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"[ \t\r\f\v\u00a0]+")]
    private static partial Regex Spaces();
}
