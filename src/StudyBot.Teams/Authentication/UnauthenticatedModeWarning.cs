using Microsoft.Extensions.Logging;

namespace StudyBot.Teams.Authentication;

/// <summary>
/// Without StudyBot:Teams:AppId, /api/messages takes unauthenticated activities (local testing). Teams is
/// then simply not configured, so a start says nothing loud; the first activity that arrives does, once.
/// </summary>
internal sealed partial class UnauthenticatedModeWarning(ILogger<UnauthenticatedModeWarning> logger)
{
    private int _warned;

    public void OnActivity()
    {
        if (Interlocked.Exchange(ref _warned, 1) == 0)
        {
            LogUnauthenticated();
        }
    }

    [LoggerMessage(LogLevel.Warning,
        "Teams: StudyBot:Teams:AppId is empty, so /api/messages accepts UNAUTHENTICATED activities and replies only to loopback serviceUrls. " +
        "This is for local testing (Agents Playground, Bot Framework Emulator) only; set StudyBot:Teams:AppId and AppPassword before exposing StudyBot.")]
    private partial void LogUnauthenticated();
}
