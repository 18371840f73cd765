using System.Text.Json.Nodes;

namespace StudyBot.Operations.Alerts;

/// <summary>
/// Request bodies of the two webhooks: Slack's incoming webhook takes {"text": …} (mrkdwn, &amp; &lt; &gt;
/// escaped); Teams Workflows and incoming webhooks take a message with one Adaptive Card attachment.
/// </summary>
public static class WebhookPayloads
{
    public static JsonObject Slack(AlertMessage alert) => new()
    {
        ["text"] = $"{(alert.Problem ? ":warning:" : ":white_check_mark:")} *{Escape(alert.Title)}*\n{Escape(alert.Text)}",
    };

    public static JsonObject Teams(AlertMessage alert) => new()
    {
        ["type"] = "message",
        ["attachments"] = new JsonArray(new JsonObject
        {
            ["contentType"] = "application/vnd.microsoft.card.adaptive",
            ["content"] = new JsonObject
            {
                ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
                ["type"] = "AdaptiveCard",
                ["version"] = "1.4",
                ["body"] = new JsonArray(
                    new JsonObject
                    {
                        ["type"] = "TextBlock",
                        ["text"] = alert.Title,
                        ["weight"] = "Bolder",
                        ["size"] = "Medium",
                        ["color"] = alert.Problem ? "Attention" : "Good",
                        ["wrap"] = true,
                    },
                    new JsonObject { ["type"] = "TextBlock", ["text"] = alert.Text, ["wrap"] = true }),
            },
        }),
    };

    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
