using Microsoft.Extensions.Options;
using StudyBot.Knowledge.Index;

namespace StudyBot.Operations.Alerts;

/// <summary>
/// Checks readiness every StudyBot:Alerts:ReadinessCheckSeconds while alerts are configured, with
/// the same check /readyz answers from: the embedded index loaded, or Qdrant reachable with its collection.
/// </summary>
public sealed class ReadinessAlertService(ReadinessAlerts alerts, IIndexReadiness index, IOptions<AlertOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.ReadinessCheckSeconds), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await alerts.CheckAsync(await index.CheckAsync(stoppingToken), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
