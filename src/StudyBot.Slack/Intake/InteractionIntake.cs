using System.Text.Json;
using Microsoft.Extensions.Logging;
using StudyBot.Slack.Shortcuts;
using StudyBot.Slack.Wire;

namespace StudyBot.Slack.Intake;

/// <summary>Interactivity intake, shared by POST /slack/interactions and Socket Mode: stores block_actions, view_submission and StudyBot's message shortcut for the background.</summary>
internal sealed partial class InteractionIntake(SlackWorkIntake intake, ILogger<InteractionIntake> logger)
{
    /// <exception cref="JsonException">The payload is not an interaction payload.</exception>
    public async Task AcceptAsync(string json, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Deserialize(json, SlackJson.Default.InteractionPayload) ?? throw new JsonException("empty payload");
        if (MessageShortcut.KindOf(payload) is { } shortcut)
        {
            // Keyed by trigger id: the same shortcut delivered twice is answered once.
            await intake.AcceptAsync(shortcut + ":" + payload.TriggerId, shortcut, json, cancellationToken);
            return;
        }

        if (payload.Type == InteractionPayload.ViewSubmission && payload.View?.Id is { } view)
        {
            // One view is submitted once: a second delivery of the same form stores nothing more.
            await intake.AcceptAsync("view:" + view, SlackWork.Interactive, json, cancellationToken);
            return;
        }

        if (payload.Type != InteractionPayload.BlockActions || payload.User?.Id is null || payload.Actions is not { Count: > 0 } actions)
        {
            LogSkipped(payload.Type ?? "?");
            return;
        }

        var key = "action:" + (payload.TriggerId ?? $"{payload.User.Id}:{actions[0].ActionTs}");
        await intake.AcceptAsync(key, SlackWork.Interactive, json, cancellationToken);
    }

    [LoggerMessage(LogLevel.Debug, "Slack interaction {Type} skipped")]
    private partial void LogSkipped(string type);
}
