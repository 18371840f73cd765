using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.Logging;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.Options;
using StudyBot.Core.Admin;
using StudyBot.Storage;

namespace StudyBot.Operations.Jobs;

public static class JobsExtensions
{
    public const string DashboardPath = "/hangfire";

    /// <summary>Hangfire on in-memory (default) or PostgreSQL storage, the ingestion jobs and their schedules.</summary>
    public static IHostApplicationBuilder AddStudyBotJobs(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        // Storage is this host's own instance (registered before AddHangfire, which keeps it), never Hangfire's static one,
        // so several hosts in one process (tests) do not share job state.
        services.AddSingleton<JobStorage>(sp =>
        {
            // Storages log from their constructors, before AddHangfire's configuration runs.
            LogProvider.SetCurrentLogProvider(new HangfireLogProvider(sp.GetRequiredService<ILoggerFactory>()));
            var options = sp.GetRequiredService<IOptions<JobsOptions>>().Value;
            if (options.Storage != "Postgres")
            {
                return new InMemoryStorage();
            }

            var connection = options.ConnectionString ?? sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString
                ?? throw new OptionsValidationException(JobsOptions.SectionName, typeof(JobsOptions), ["StudyBot:Jobs:ConnectionString (or StudyBot:Storage:ConnectionString) is required for Postgres job storage."]);
            return new PostgreSqlStorage(
                new NpgsqlConnectionFactory(connection, new PostgreSqlStorageOptions()),
                new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = true, QueuePollInterval = TimeSpan.FromSeconds(1) });
        });
        services.AddHangfire((sp, configuration) => configuration
            .UseLogProvider(new HangfireLogProvider(sp.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseDashboardMetrics(IngestionDashboardMetric.Metric));
        services.AddHangfireServer((sp, server) =>
        {
            server.WorkerCount = sp.GetRequiredService<IOptions<JobsOptions>>().Value.WorkerCount;
            server.SchedulePollingInterval = TimeSpan.FromSeconds(1);
            server.Activator = new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>());
        });
        services.AddScoped<IngestionJobs>();
        services.AddSingleton<IReindexService, ReindexService>();
        services.AddHostedService<JobScheduleSynchronizer>();
        return builder;
    }
}
