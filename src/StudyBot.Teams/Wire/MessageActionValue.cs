using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace StudyBot.Teams.Wire;

/// <summary>
/// The value of the "Ask StudyBot about this message" action (composeExtension/fetchTask and submitAction):
/// the command, the message it was invoked on (messagePayload: id and HTML body), and the dialog's data.
/// </summary>
internal sealed partial record MessageActionValue(string CommandId, string? MessageId, string? MessageText, JsonElement? Data)
{
    /// <summary>The command's id in the app manifest.</summary>
    public const string AskAboutMessage = "askAboutMessage";

    public static MessageActionValue? Read(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } root || String(root, "commandId") is not { } command)
        {
            return null;
        }

        string? id = null, text = null;
        if (root.TryGetProperty("messagePayload", out var message) && message.ValueKind == JsonValueKind.Object)
        {
            id = String(message, "id");
            text = message.TryGetProperty("body", out var body) ? PlainText(String(body, "content"), String(body, "contentType")) : null;
        }

        var data = root.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : (JsonElement?)null;
        return new MessageActionValue(command, id, text, data);
    }

    private static string? PlainText(string? content, string? contentType)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return null;
        }

        var text = contentType == "html" ? WebUtility.HtmlDecode(Tag().Replace(Break().Replace(content, "\n"), "")) : content;
        return Whitespace().Replace(text, " ").Trim();
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String
            ? property.GetString()
            : null;

    [GeneratedRegex("<br\\s*/?>|</p>|</div>", RegexOptions.IgnoreCase)]
    private static partial Regex Break();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
