using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using StudyBot.Operations.Telemetry;

namespace StudyBot.Operations.Alerts;

/// <summary>
/// Counts each source's failed runs in a row on this host. When a streak reaches
/// StudyBot:Alerts:SourceFailuresBeforeAlert it alerts once (again on the next failure only if the
/// alert could not be delivered), and the first successful run after an alert posts a recovery.
/// </summary>
public sealed class SourceFailureAlerts(AlertSender sender, IOptions<AlertOptions> options, LogRedactor redactor)
{
    private readonly ConcurrentDictionary<string, Streak> _streaks = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="error">Null for a successful run.</param>
    public async Task RecordRunAsync(string source, string? error, CancellationToken cancellationToken)
    {
        if (!sender.Enabled)
        {
            return;
        }

        var streak = _streaks.GetOrAdd(source, _ => new Streak());
        AlertMessage? message;
        lock (streak)
        {
            message = error is null ? streak.Succeeded(source) : streak.Failed(source, redactor.Redact(error), options.Value.SourceFailuresBeforeAlert);
        }

        if (message is not null && !await sender.SendAsync(message, cancellationToken) && message.Problem)
        {
            lock (streak)
            {
                streak.Alerted = false;
            }
        }
    }

    private sealed class Streak
    {
        public int Failures { get; private set; }

        public bool Alerted { get; set; }

        public AlertMessage? Failed(string source, string error, int threshold)
        {
            Failures++;
            if (Failures < threshold || Alerted)
            {
                return null;
            }

            Alerted = true;
            return new AlertMessage(
                $"StudyBot: source \"{source}\" is failing",
                $"The last {Failures} runs of \"{source}\" failed; its previous index keeps serving. Last error: {error}", Problem: true);
        }

        public AlertMessage? Succeeded(string source)
        {
            var message = Alerted
                ? new AlertMessage($"StudyBot: source \"{source}\" recovered", $"\"{source}\" ran successfully after {Failures} failed runs.", Problem: false)
                : null;
            Failures = 0;
            Alerted = false;
            return message;
        }
    }
}
