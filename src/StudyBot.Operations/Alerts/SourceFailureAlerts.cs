using Microsoft.Extensions.Options;
using StudyBot.Core.Ingestion;
using StudyBot.Knowledge.Ingestion;
using StudyBot.Operations.Telemetry;

namespace StudyBot.Operations.Alerts;

/// <summary>
/// Alerts when a source's failed runs in a row (counted in the run store, across hosts) reach
/// StudyBot:Alerts:SourceFailuresBeforeAlert: once per streak (again on the next failure only if the
/// alert could not be delivered), and the first successful run after an alert posts a recovery.
/// </summary>
public sealed class SourceFailureAlerts(AlertSender sender, ISourceRunStore runs, IOptions<AlertOptions> options, LogRedactor redactor)
{
    public async Task RecordAsync(SourceRunOutcome run, CancellationToken cancellationToken)
    {
        if (!sender.Enabled)
        {
            return;
        }

        var (source, before) = (run.Source, run.StreakBefore);
        if (run.Result.Failure is not { } failure)
        {
            if (before.Alerted)
            {
                await sender.SendAsync(new AlertMessage(
                    $"StudyBot: source \"{source}\" recovered", $"\"{source}\" ran successfully after {before.FailedRuns} failed runs.", Problem: false), cancellationToken);
            }

            return;
        }

        var failures = before.FailedRuns + 1;
        if (failures < options.Value.SourceFailuresBeforeAlert || before.Alerted)
        {
            return;
        }

        var alert = new AlertMessage(
            $"StudyBot: source \"{source}\" is failing",
            $"The last {failures} runs of \"{source}\" failed; its previous index keeps serving. Last error: {redactor.Redact(failure)}", Problem: true);
        if (await sender.SendAsync(alert, cancellationToken))
        {
            await runs.MarkStreakAlertedAsync(source, cancellationToken);
        }
    }
}
