using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StudyBot.Slack.Api;

namespace StudyBot.Slack.Configuration;

/// <summary>Calls auth.test when the host starts, so a wrong token shows in the log at once (start-up does not wait on Slack).</summary>
internal sealed partial class SlackStartupCheck(SlackBotIdentity identity, ILogger<SlackStartupCheck> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await identity.GetAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogAuthFailed(ex.Message);
        }
        catch (OperationCanceledException)
        {
            // Host stopping.
        }
    }

    [LoggerMessage(LogLevel.Error, "Slack auth.test failed at start-up ({Reason}); check StudyBot:Slack:BotToken. Events are still accepted and answered once Slack answers.")]
    private partial void LogAuthFailed(string reason);
}
