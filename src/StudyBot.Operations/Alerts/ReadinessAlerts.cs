using Microsoft.Extensions.Options;
using StudyBot.Knowledge.Index;

namespace StudyBot.Operations.Alerts;

/// <summary>
/// Alerts once when the host has not been ready (what /readyz says) for
/// StudyBot:Alerts:ReadinessGraceSeconds, with the reason, and once more when it is ready again.
/// </summary>
public sealed class ReadinessAlerts(AlertSender sender, IOptions<AlertOptions> options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private DateTimeOffset? _notReadySince;
    private bool _alerted;

    public async Task CheckAsync(IndexReadiness readiness, CancellationToken cancellationToken)
    {
        AlertMessage? message = null;
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (readiness.Ready)
            {
                if (_alerted)
                {
                    message = new AlertMessage("StudyBot is ready again", $"StudyBot ({Environment.MachineName}) is ready again; it was not ready for {Describe(now - _notReadySince!.Value)}.", Problem: false);
                }

                (_notReadySince, _alerted) = (null, false);
            }
            else
            {
                _notReadySince ??= now;
                if (!_alerted && now - _notReadySince.Value >= TimeSpan.FromSeconds(options.Value.ReadinessGraceSeconds))
                {
                    _alerted = true;
                    message = new AlertMessage(
                        "StudyBot is not ready",
                        $"StudyBot ({Environment.MachineName}) has not been ready for {Describe(now - _notReadySince.Value)}, so questions cannot be answered: {readiness.Detail}",
                        Problem: true);
                }
            }
        }

        if (message is not null && !await sender.SendAsync(message, cancellationToken) && message.Problem)
        {
            lock (_gate)
            {
                _alerted = false;
            }
        }
    }

    private static string Describe(TimeSpan span) => span.TotalMinutes >= 2 ? $"{Math.Floor(span.TotalMinutes):0} minutes" : $"{Math.Floor(span.TotalSeconds):0} seconds";
}
