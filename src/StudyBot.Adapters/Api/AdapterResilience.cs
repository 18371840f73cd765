using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace StudyBot.Adapters.Api;

/// <summary>
/// The one retry policy of every call an adapter makes to its platform (Slack's Web API, the Bot
/// Connector, their token and metadata endpoints). HTTP 429 waits for Retry-After and is always
/// retried, as is a call whose connection was never made: the platform did not act on it. Other
/// transient failures (5xx, 408, timeouts) are retried only for idempotent calls — GET, PUT, DELETE,
/// or a request marked idempotent such as chat.update — so a message is never posted twice by a retry.
/// </summary>
public static class AdapterResilience
{
    private static readonly HttpRequestOptionsKey<bool> Idempotent = new("StudyBot.Adapters.Idempotent");

    /// <summary>Says whether repeating the request has the effect of sending it once (overrides what its method says).</summary>
    public static HttpRequestMessage MarkIdempotent(this HttpRequestMessage request, bool idempotent = true)
    {
        request.Options.Set(Idempotent, idempotent);
        return request;
    }

    /// <summary>
    /// The adapter's HTTP client: this retry policy, no HttpClient timeout of its own (the policy bounds
    /// each attempt and the whole call), and pooled connections recycled by the handler, so the typed
    /// client can live in singletons.
    /// </summary>
    /// <param name="total">Longest a call may take with its retries and Retry-After waits (default two minutes).</param>
    public static IHttpClientBuilder AddAdapterResilience(this IHttpClientBuilder builder, TimeSpan? total = null)
    {
        builder.ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("adapter", pipeline => Configure(pipeline, total ?? TimeSpan.FromMinutes(2)));
        return builder;
    }

    private static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, TimeSpan total)
    {
        pipeline.AddTimeout(total);
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
        if (outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests
            || outcome.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError })
        {
            return true;
        }

        var transient = outcome.Exception is HttpRequestException or TimeoutRejectedException
            || outcome.Result is { StatusCode: >= HttpStatusCode.InternalServerError or HttpStatusCode.RequestTimeout };
        return transient && context.GetRequestMessage() is { } request && IsIdempotent(request);
    }

    private static bool IsIdempotent(HttpRequestMessage request) =>
        request.Options.TryGetValue(Idempotent, out var marked)
            ? marked
            : request.Method == HttpMethod.Get || request.Method == HttpMethod.Head || request.Method == HttpMethod.Put
                || request.Method == HttpMethod.Delete || request.Method == HttpMethod.Options;
}
