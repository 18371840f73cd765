using System.Text.Json;
using Microsoft.Extensions.Options;
using StudyBot.Slack.Configuration;
using StudyBot.Slack.Wire;

namespace StudyBot.Slack.Intake;

/// <summary>
/// Slash command intake, shared by POST /slack/commands and Socket Mode: stores the command and
/// returns the immediate acknowledgement, an ephemeral "working" message that the answer replaces.
/// </summary>
internal sealed class CommandIntake(SlackWorkIntake intake, IOptions<SlackOptions> options)
{
    /// <returns>The acknowledgement message; null when the command lacks its user, channel or trigger id.</returns>
    public async Task<CommandResponse?> AcceptAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        if (!command.IsComplete)
        {
            return null;
        }

        // Slack does not redeliver commands; the trigger id still makes a replayed request harmless.
        await intake.AcceptAsync("command:" + command.TriggerId, SlackWork.SlashCommands, JsonSerializer.Serialize(command, SlackJson.Default.SlashCommand), cancellationToken);
        return new CommandResponse(CommandResponse.Ephemeral, options.Value.WorkingText);
    }
}
