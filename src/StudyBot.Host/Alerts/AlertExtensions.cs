namespace StudyBot.Host.Alerts;

public static class AlertExtensions
{
    /// <summary>Alerts to the admins' Slack or Teams channel on failing sources and lost readiness (StudyBot:Alerts).</summary>
    public static IHostApplicationBuilder AddStudyBotAlerts(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        // The resilience pipeline bounds each send (Retry-After waits included), not HttpClient's 100 s default.
        services.AddHttpClient(AlertSender.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler(AlertSender.ClientName, AlertSender.ConfigureResilience);
        services.AddSingleton<AlertSender>();
        services.AddSingleton<SourceFailureAlerts>();
        services.AddSingleton<ReadinessAlerts>();
        services.AddHostedService<ReadinessAlertService>();
        return builder;
    }
}
