using Microsoft.Extensions.Options;
using StudyBot.Assistant.Safety;
using StudyBot.Host.Admin;
using StudyBot.Host.ApiKeys;

namespace StudyBot.Host.Api;

/// <summary>
/// Rate limits of web and API callers on the question endpoints (/api/ask, /api/chat): a bucket per caller
/// (its X-StudyBot-User id, else its client address) and one per client address for all its callers together.
/// A caller with an API key (StudyBot:Api:RequireKey) has that key's limit instead; admins have none.
/// Over a limit: 429 with Retry-After.
/// </summary>
public sealed class CallerRateLimitFilter(IOptions<InputLimitsOptions> options, AdminAuthentication admin, TimeProvider time) : IEndpointFilter
{
    private readonly TokenBuckets _callers = new(options.Value.WebCallerMessagesPerMinute, time);
    private readonly TokenBuckets _addresses = new(options.Value.WebAddressMessagesPerMinute, time);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (ApiKeyFilter.KeyOf(http) is not null || admin.IsAdmin(http))
        {
            return await next(context);
        }

        var address = WebCaller.AddressOf(http);
        var caller = WebCaller.IdOf(http.Request) is { } id ? "user:" + id : "address:" + address;
        if ((_callers.TryTake(caller) ?? _addresses.TryTake(address)) is { } wait)
        {
            return RetryLater.TooManyRequests(http, ConversationLimiter.TooFast(wait).Text, wait);
        }

        return await next(context);
    }
}
