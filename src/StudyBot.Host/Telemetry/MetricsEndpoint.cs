using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using StudyBot.Core.Telemetry;
using StudyBot.Host.Admin;

namespace StudyBot.Host.Telemetry;

/// <summary>
/// /metrics, the Prometheus scrape endpoint. Metrics hold counts, durations and source names, no
/// user text; still, with StudyBot:Telemetry:MetricsKey set a scrape must send
/// "Authorization: Bearer &lt;key&gt;" (Prometheus' <c>authorization</c> setting) or the admin key.
/// </summary>
public static class MetricsEndpoint
{
    public const string Path = "/metrics";

    public static WebApplication MapStudyBotMetrics(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value;
        if (!options.PrometheusEnabled)
        {
            return app;
        }

        app.UseWhen(http => http.Request.Path.StartsWithSegments(Path), branch => branch.Use(async (http, next) =>
        {
            if (!IsAllowed(http, options.MetricsKey))
            {
                http.Response.StatusCode = StatusCodes.Status401Unauthorized;
                http.Response.Headers.WWWAuthenticate = "Bearer";
                return;
            }

            await next(http);
        }));
        app.UseOpenTelemetryPrometheusScrapingEndpoint(Path);
        return app;
    }

    private static bool IsAllowed(HttpContext http, string? metricsKey)
    {
        if (string.IsNullOrEmpty(metricsKey))
        {
            return true;
        }

        var header = http.Request.Headers.Authorization.ToString();
        var bearer = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : "";
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(bearer)), SHA256.HashData(Encoding.UTF8.GetBytes(metricsKey)))
            || http.RequestServices.GetRequiredService<AdminAuthentication>().IsAdmin(http);
    }
}
