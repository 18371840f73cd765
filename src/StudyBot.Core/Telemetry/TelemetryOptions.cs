using System.ComponentModel.DataAnnotations;

namespace StudyBot.Core.Telemetry;

/// <summary>StudyBot:Telemetry — where traces and metrics go, and the prices behind the cost metric.</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "StudyBot:Telemetry";

    /// <summary>service.name of every span and metric.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "StudyBot:Telemetry:ServiceName must not be empty.")]
    public string ServiceName { get; set; } = "studybot";

    /// <summary>OTLP collector, e.g. http://otel-collector:4317; empty = no OTLP export.</summary>
    public Uri? OtlpEndpoint { get; set; }

    [AllowedValues("Grpc", "HttpProtobuf", ErrorMessage = "StudyBot:Telemetry:OtlpProtocol must be Grpc or HttpProtobuf.")]
    public string OtlpProtocol { get; set; } = "Grpc";

    /// <summary>Extra OTLP headers as "key1=value1,key2=value2" (e.g. a collector's API key).</summary>
    public string? OtlpHeaders { get; set; }

    /// <summary>One log line per HTTP request (method, path, status, duration); off by default.</summary>
    public bool RequestLogs { get; set; }

    /// <summary>Serve the Prometheus scrape endpoint at /metrics.</summary>
    public bool PrometheusEnabled { get; set; } = true;

    /// <summary>When set, /metrics needs "Authorization: Bearer &lt;key&gt;" (Prometheus' authorization setting) or the admin key.</summary>
    public string? MetricsKey { get; set; }

    /// <summary>Price per model name, for studybot.model.cost.</summary>
    public Dictionary<string, ModelPrice> ModelPrices { get; } = new(StringComparer.OrdinalIgnoreCase);

    public ModelPrice? PriceOf(string model) => ModelPrices.GetValueOrDefault(model);
}
