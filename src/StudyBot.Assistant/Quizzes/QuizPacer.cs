using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace StudyBot.Assistant.Quizzes;

/// <summary>
/// The quiz clock: every few seconds it moves on the quizzes whose question or idle time is up. Deadlines
/// live in the store, so a restarted host (or another host on the same database) picks up where it stopped.
/// </summary>
internal sealed partial class QuizPacer(QuizRunner runner, IOptions<QuizOptions> options, TimeProvider time, ILogger<QuizPacer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.PacerSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await runner.RunDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }

            try
            {
                await Task.Delay(interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(LogLevel.Error, "Moving quizzes on failed; trying again at the next tick")]
    private partial void LogFailed(Exception exception);
}
