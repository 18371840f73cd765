using Microsoft.Extensions.Configuration.Memory;

namespace StudyBot.Host.Telemetry;

/// <summary>
/// Log levels StudyBot starts with, placed below every configuration source, so appsettings, environment
/// variables and the command line (Logging:LogLevel:&lt;category&gt;) still decide.
/// </summary>
public static class LoggingDefaults
{
    public static IHostApplicationBuilder AddStudyBotLoggingDefaults(this IHostApplicationBuilder builder)
    {
        var defaults = new Dictionary<string, string?>
        {
            // ASP.NET Core's own lines for every request stay off; StudyBot:Telemetry:RequestLogs writes one line per request.
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            // EF Core logs every SQL statement at Information.
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
            // IHttpClientFactory logs four lines per outbound call (Slack, Teams, Notion, Qdrant…) at Information.
            ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
        };
        if (string.IsNullOrEmpty(builder.Configuration["StudyBot:Admin:ApiKey"]))
        {
            // Data protection only signs the admin sign-in cookie: without an admin key its key-storage warning is noise.
            defaults["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error";
        }

        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = defaults });
        return builder;
    }
}
