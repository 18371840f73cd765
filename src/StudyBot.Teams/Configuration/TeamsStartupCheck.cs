using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace StudyBot.Teams.Configuration;

/// <summary>Says at start-up how /api/messages authenticates (see <see cref="Authentication.UnauthenticatedModeWarning"/> for when it does not).</summary>
internal sealed partial class TeamsStartupCheck(IOptions<TeamsOptions> options, ILogger<TeamsStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.AuthenticationEnabled)
        {
            LogAuthenticated(settings.AppId!, string.IsNullOrWhiteSpace(settings.TenantId) ? "multi-tenant" : settings.TenantId!, settings.OpenIdMetadataUrl);
        }
        else
        {
            LogUnauthenticated();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Information, "Teams: /api/messages accepts activities for app {AppId} ({Tenant}), tokens checked against {MetadataUrl}")]
    private partial void LogAuthenticated(string appId, string tenant, string metadataUrl);

    [LoggerMessage(LogLevel.Information,
        "Teams: not configured (StudyBot:Teams:AppId is empty); /api/messages serves local test tools only and replies to loopback serviceUrls")]
    private partial void LogUnauthenticated();
}
