using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.RateLimiting;

namespace StudyBot.Knowledge.Http;

/// <summary>
/// The one retry and pacing policy for the read-only APIs StudyBot indexes or searches (Notion,
/// Confluence, Qdrant): requests are paced to the API's published rate, HTTP 429 waits for
/// Retry-After, 5xx, 408 and connection failures are retried with jittered exponential backoff.
/// Callers that write (Qdrant upserts) must make their requests idempotent.
/// </summary>
public static class ApiResilience
{
    /// <param name="requestsPerSecond">Average pace of requests for one named client; null = unpaced.</param>
    public static IHttpClientBuilder AddApiResilience(this IHttpClientBuilder builder, double? requestsPerSecond, int maxRetryAttempts = 5) =>
        builder.AddApiResilience(_ => new ApiResilienceLimits(requestsPerSecond, maxRetryAttempts, TimeSpan.FromSeconds(30)));

    /// <summary>The same policy with limits read from the client's options when the pipeline is built.</summary>
    public static IHttpClientBuilder AddApiResilience(this IHttpClientBuilder builder, Func<IServiceProvider, ApiResilienceLimits> limits)
    {
        builder.AddResilienceHandler(builder.Name, (pipeline, context) =>
        {
            var (requestsPerSecond, maxRetryAttempts, attemptTimeout) = limits(context.ServiceProvider);
            pipeline.AddTimeout(TimeSpan.FromMinutes(3));
            if (maxRetryAttempts > 0)
            {
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = maxRetryAttempts,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromMilliseconds(500),
                    ShouldRetryAfterHeader = true,
                    ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                });
            }

            if (requestsPerSecond is { } rate)
            {
                pipeline.AddRateLimiter(new RateLimiterStrategyOptions { RateLimiter = Pace(rate) });
            }

            pipeline.AddTimeout(attemptTimeout);
        });
        return builder;
    }

    private static Func<RateLimiterArguments, ValueTask<RateLimitLease>> Pace(double requestsPerSecond)
    {
        var limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, (int)Math.Ceiling(requestsPerSecond)),
            TokensPerPeriod = Math.Max(1, (int)Math.Ceiling(requestsPerSecond)),
            ReplenishmentPeriod = TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(requestsPerSecond)) / requestsPerSecond),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
        return args => limiter.AcquireAsync(1, args.Context.CancellationToken);
    }

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException or Polly.Timeout.TimeoutRejectedException
        || outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout or >= HttpStatusCode.InternalServerError };
}

/// <param name="RequestsPerSecond">Average pace of requests; null = unpaced.</param>
/// <param name="MaxRetryAttempts">Retries of a transient failure; 0 = none.</param>
/// <param name="AttemptTimeout">Longest wait for one attempt.</param>
public sealed record ApiResilienceLimits(double? RequestsPerSecond, int MaxRetryAttempts, TimeSpan AttemptTimeout);
