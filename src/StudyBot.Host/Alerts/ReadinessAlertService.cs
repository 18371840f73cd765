using Microsoft.Extensions.Options;
using StudyBot.Knowledge.Index.Embedded;

namespace StudyBot.Host.Alerts;

/// <summary>Checks readiness (the same condition as /readyz) every StudyBot:Alerts:ReadinessCheckSeconds while alerts are configured.</summary>
public sealed class ReadinessAlertService(ReadinessAlerts alerts, EmbeddedChunkStore store, IOptions<AlertOptions> options, TimeProvider time) : BackgroundService
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
                await alerts.CheckAsync(store.IsLoaded, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
