using System.Diagnostics;
using Microsoft.Extensions.Options;
using StudyBot.Core.Telemetry;

namespace StudyBot.Host.Telemetry;

/// <summary>With StudyBot:Telemetry:RequestLogs, one line per HTTP request: method, path (never the query), status and duration.</summary>
public static partial class RequestLog
{
    public static WebApplication UseStudyBotRequestLogs(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value.RequestLogs)
        {
            return app;
        }

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RequestLog).FullName!);
        app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                LogRequest(logger, context.Request.Method, context.Request.Path, context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        });
        return app;
    }

    [LoggerMessage(LogLevel.Information, "{Method} {Path} {StatusCode} in {ElapsedMs:0.0} ms")]
    private static partial void LogRequest(ILogger logger, string method, string path, int statusCode, double elapsedMs);
}
