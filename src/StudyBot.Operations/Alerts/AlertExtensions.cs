using StudyBot.Adapters.Api;

namespace StudyBot.Operations.Alerts;

public static class AlertExtensions
{
    /// <summary>Alerts to the admins' Slack or Teams channel on failing sources and lost readiness (StudyBot:Alerts).</summary>
    public static IHostApplicationBuilder AddStudyBotAlerts(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(AlertSender.ClientName).AddAdapterResilience();
        services.AddSingleton<AlertSender>();
        services.AddSingleton<SourceFailureAlerts>();
        services.AddSingleton<ReadinessAlerts>();
        services.AddHostedService<ReadinessAlertService>();
        return builder;
    }
}
