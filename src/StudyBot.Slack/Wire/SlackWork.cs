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

    /// <summary>An Events API payload of the assistant pane (assistant_thread_*), kept apart from questions.</summary>
    public const string AssistantThreads = "assistant_thread";

    /// <summary>An interaction payload of the "Ask StudyBot about this message" shortcut.</summary>
    public const string MessageShortcuts = "message_action";

    /// <summary>An interaction payload of a "Share in thread" button under a privately shown answer.</summary>
    public const string SharedAnswers = "share_answer";

    /// <summary>An app_home_opened event (an events_api payload): the Home tab to publish.</summary>
    public const string AppHome = "app_home";
}
