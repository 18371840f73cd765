using System.Text.Json.Nodes;
using StudyBot.Teams.Rendering;

namespace StudyBot.Teams.Wire;

/// <summary>
/// Bodies answering an invoke that opens a dialog (msteams-docs "Use dialogs with bots", the TaskInfo object):
/// a card to show, or a short message in place of one.
/// </summary>
internal static class TaskModule
{
    public static JsonObject Card(string title, JsonObject card) => new()
    {
        ["task"] = new JsonObject
        {
            ["type"] = "continue",
            ["value"] = new JsonObject
            {
                ["title"] = title,
                ["width"] = "medium",
                ["height"] = "medium",
                ["card"] = new JsonObject { ["contentType"] = AdaptiveCard.ContentType, ["content"] = card },
            },
        },
    };

    public static JsonObject Message(string text) => new() { ["task"] = new JsonObject { ["type"] = "message", ["value"] = text } };
}
