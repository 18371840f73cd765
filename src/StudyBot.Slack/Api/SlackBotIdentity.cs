using Microsoft.Extensions.Logging;

namespace StudyBot.Slack.Api;

/// <summary>The bot's own identity from auth.test, fetched once and cached; a failed fetch is retried on the next call.</summary>
internal sealed partial class SlackBotIdentity(SlackApiClient api, ILogger<SlackBotIdentity> logger)
{
    private readonly Lock _gate = new();
    private Task<BotIdentity>? _loading;

    /// <summary>The identity if auth.test already answered; intake uses it without waiting on Slack.</summary>
    public BotIdentity? Known { get; private set; }

    public Task<BotIdentity> GetAsync(CancellationToken cancellationToken)
    {
        if (Known is { } known)
        {
            return Task.FromResult(known);
        }

        lock (_gate)
        {
            _loading ??= LoadAsync();
            return _loading.WaitAsync(cancellationToken);
        }
    }

    private async Task<BotIdentity> LoadAsync()
    {
        try
        {
            var me = await api.AuthTestAsync(CancellationToken.None);
            if (string.IsNullOrEmpty(me.UserId))
            {
                throw new SlackApiException("auth.test", "invalid_response");
            }

            Known = new BotIdentity(me.UserId, me.BotId, me.TeamId);
            LogConnected(me.User ?? "", me.UserId, me.Team ?? "", me.TeamId ?? "");
            return Known;
        }
        catch
        {
            lock (_gate)
            {
                _loading = null;
            }

            throw;
        }
    }

    [LoggerMessage(LogLevel.Information, "Slack: signed in as @{User} ({UserId}) in {Team} ({TeamId})")]
    private partial void LogConnected(string user, string userId, string team, string teamId);
}
