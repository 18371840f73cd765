using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace StudyBot.Operations.Alerts;

/// <summary>
/// Posts alerts to the configured webhooks through the adapters' retry policy: a 429 waits for
/// Retry-After and is sent again (the webhook did not post it), as is a connection that was never
/// made; other failures are not retried, so an alert is never posted twice. A failed delivery is
/// logged and reported as false.
/// </summary>
public sealed partial class AlertSender(IHttpClientFactory clients, IOptions<AlertOptions> options, ILogger<AlertSender> logger)
{
    public const string ClientName = "alerts";

    public bool Enabled => options.Value.Enabled;

    /// <returns>True when every configured webhook accepted the alert.</returns>
    public async Task<bool> SendAsync(AlertMessage alert, CancellationToken cancellationToken)
    {
        var delivered = true;
        if (options.Value.SlackWebhookUrl is { } slack)
        {
            delivered &= await PostAsync("slack", slack, WebhookPayloads.Slack(alert), cancellationToken);
        }

        if (options.Value.TeamsWebhookUrl is { } teams)
        {
            delivered &= await PostAsync("teams", teams, WebhookPayloads.Teams(alert), cancellationToken);
        }

        return delivered;
    }

    private async Task<bool> PostAsync(string channel, Uri url, JsonObject payload, CancellationToken cancellationToken)
    {
        try
        {
            using var http = clients.CreateClient(ClientName);
            using var response = await http.PostAsJsonAsync(url, payload, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return true;
            }

            LogRejected(channel, (int)response.StatusCode);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException)
        {
            LogUnreachable(ex, channel);
        }

        return false;
    }

    [LoggerMessage(LogLevel.Error, "The {Channel} alert webhook answered HTTP {Status}; the alert was not posted")]
    private partial void LogRejected(string channel, int status);

    [LoggerMessage(LogLevel.Error, "The {Channel} alert webhook could not be reached; the alert was not posted")]
    private partial void LogUnreachable(Exception exception, string channel);
}
