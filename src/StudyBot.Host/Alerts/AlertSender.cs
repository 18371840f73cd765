using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace StudyBot.Host.Alerts;

/// <summary>
/// Posts alerts to the configured webhooks. A 429 waits for Retry-After and is sent again (the
/// webhook did not post it), as is a connection that was never made; other failures are not
/// retried, so an alert is never posted twice. A failed delivery is logged and reported as false.
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

    public static void ConfigureResilience(ResiliencePipelineBuilder<HttpResponseMessage> pipeline)
    {
        pipeline.AddTimeout(TimeSpan.FromMinutes(2));
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = 4,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromSeconds(1),
            ShouldRetryAfterHeader = true,
            ShouldHandle = args => ValueTask.FromResult(
                args.Outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests
                || args.Outcome.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError }),
        });
        pipeline.AddTimeout(TimeSpan.FromSeconds(15));
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
