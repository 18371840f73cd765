using System.Text.Json;

namespace StudyBot.Slack.Wire;

/// <summary>
/// What the inbox holds for Slack: the payload as Slack sent it, typed like a Socket Mode envelope
/// (events_api, slash_commands, interactive), whichever transport delivered it.
/// </summary>
internal sealed record SlackWork(string Type, JsonElement Payload)
{
    /// <summary>The inbox channel of Slack items.</summary>
    public const string Channel = "slack";

    public const string Events = "events_api";
    public const string SlashCommands = "slash_commands";
    public const string Interactive = "interactive";

    /// <summary>An app_home_opened event (an events_api payload): the Home tab to publish.</summary>
    public const string AppHome = "app_home";
}
