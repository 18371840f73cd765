using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using StudyBot.Core.Telemetry;
using StudyBot.Operations.Telemetry;

namespace StudyBot.Host.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>Microsoft.Extensions.AI's OpenTelemetryChatClient publishes gen_ai spans and metrics under this name.</summary>
    private const string ExtensionsAi = "Experimental.Microsoft.Extensions.AI";

    /// <summary>
    /// OpenTelemetry traces and metrics of StudyBot, ASP.NET Core and outgoing HTTP calls; the
    /// Prometheus exporter behind /metrics; OTLP export of traces, metrics and logs when
    /// StudyBot:Telemetry:OtlpEndpoint is set; and redaction of secrets in every log entry.
    /// </summary>
    public static IHostApplicationBuilder AddStudyBotTelemetry(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var otlp = options.OtlpEndpoint is not null;

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(string.IsNullOrWhiteSpace(options.ServiceName) ? "studybot" : options.ServiceName))
            .WithTracing(tracing =>
            {
                tracing.AddSource(StudyBotTelemetry.Name, ExtensionsAi)
                    .AddAspNetCoreInstrumentation(o => o.Filter = http => !IsProbe(http.Request.Path))
                    .AddHttpClientInstrumentation();
                if (otlp)
                {
                    tracing.AddOtlpExporter(o => Configure(o, options));
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(StudyBotTelemetry.Name, ExtensionsAi)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation();
                if (options.PrometheusEnabled)
                {
                    metrics.AddPrometheusExporter();
                }

                if (otlp)
                {
                    metrics.AddOtlpExporter(o => Configure(o, options));
                }
            });
        if (otlp)
        {
            telemetry.WithLogging(logging => logging.AddOtlpExporter(o => Configure(o, options)), o => o.IncludeFormattedMessage = true);
        }

        // One factory for the whole host: whatever provider writes an entry, it has been redacted first.
        services.TryAddSingleton(sp => LogRedactor.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        services.TryAddSingleton<LoggerFactory>();
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(sp =>
            new RedactingLoggerFactory(sp.GetRequiredService<LoggerFactory>(), sp.GetRequiredService<LogRedactor>())));
        return builder;
    }

    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments("/metrics") || path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz");

    private static void Configure(OtlpExporterOptions exporter, TelemetryOptions options)
    {
        exporter.Endpoint = options.OtlpEndpoint!;
        exporter.Protocol = options.OtlpProtocol == "HttpProtobuf" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        if (!string.IsNullOrWhiteSpace(options.OtlpHeaders))
        {
            exporter.Headers = options.OtlpHeaders;
        }
    }
}
