using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace StudyBot.Teams.Rendering;

/// <summary>A plain message (help, refusals, confirmations); the welcome card adds a heading to the help.</summary>
internal static partial class NoticeCard
{
    public static JsonObject Render(string text, string? heading = null)
    {
        var body = new List<JsonNode>();
        if (heading is not null)
        {
            body.Add(AdaptiveCard.Text(heading, size: "Medium", weight: "Bolder"));
        }

        // Adaptive Card markdown has no inline code; the engine's `command` becomes **command**.
        body.AddRange(text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => (JsonNode)AdaptiveCard.Text(InlineCode().Replace(line, "**$1**"))));
        return AdaptiveCard.Create(heading is null ? text : heading + "\n" + text, body);
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex InlineCode();
}
