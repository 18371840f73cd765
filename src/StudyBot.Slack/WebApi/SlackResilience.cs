using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace StudyBot.Slack.WebApi;

/// <summary>
/// Retry policy of every call to Slack: HTTP 429 waits for Retry-After and is always retried (Slack
/// did not process the call); other transient failures are retried only for idempotent calls
/// (reads, chat.update, reactions.add) or when the connection was never made, so a message is
/// never posted twice by a retry.
/// </summary>
internal static class SlackResilience
{
    public const string PipelineName = "slack";
    private static readonly HttpRequestOptionsKey<bool> Idempotent = new("StudyBot.Slack.Idempotent");

    public static void MarkIdempotent(HttpRequestMessage request, bool idempotent) => request.Options.Set(Idempotent, idempotent);

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline)
    {
        pipeline.AddTimeout(TimeSpan.FromMinutes(2));
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = 4,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(500),
            ShouldRetryAfterHeader = true,
            ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context)),
        });
        pipeline.AddTimeout(TimeSpan.FromSeconds(15));
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        if (outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return true;
        }

        if (outcome.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError })
        {
            return true;
        }

        var transient = outcome.Exception is HttpRequestException or TimeoutRejectedException
            || outcome.Result is { StatusCode: >= HttpStatusCode.InternalServerError or HttpStatusCode.RequestTimeout };
        return transient && context.GetRequestMessage() is { } request && request.Options.TryGetValue(Idempotent, out var idempotent) && idempotent;
    }
}
