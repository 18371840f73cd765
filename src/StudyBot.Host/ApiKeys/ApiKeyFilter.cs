using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using StudyBot.Storage;
using StudyBot.Storage.ApiKeys;

namespace StudyBot.Host.ApiKeys;

/// <summary>
/// When StudyBot:Api:RequireKey is on, the public API needs a live key (401 otherwise) and each key
/// gets its own per-minute budget (429 with Retry-After when spent). Admins pass with their key.
/// </summary>
public sealed class ApiKeyFilter(IOptions<ApiOptions> options, ApiKeyService keys, Admin.AdminAuthentication admin, TimeProvider time) : IEndpointFilter, IDisposable
{
    private readonly PartitionedRateLimiter<(string Id, int Limit)> _limiter = PartitionedRateLimiter.Create<(string Id, int Limit), (string Id, int Limit)>(
        key => RateLimitPartition.GetFixedWindowLimiter(key, k => new FixedWindowRateLimiterOptions
        {
            PermitLimit = k.Limit,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    /// <summary>The live key this request was let in with; null without one.</summary>
    public static ApiKeyEntity? KeyOf(HttpContext http) => http.Items[typeof(ApiKeyEntity)] as ApiKeyEntity;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!options.Value.RequireKey || admin.IsAdmin(http))
        {
            return await next(context);
        }

        var header = http.Request.Headers.Authorization.ToString();
        var secret = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : "";
        var key = secret.Length == 0 ? null : await keys.FindActiveAsync(secret, http.RequestAborted);
        if (key is null)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Problem(
                detail: "This API needs an API key: send `Authorization: Bearer <key>` with a key from the admin API.",
                statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
        }

        using var lease = _limiter.AttemptAcquire((key.Id, key.PerMinuteLimit));
        if (!lease.IsAcquired)
        {
            var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(60 - time.GetUtcNow().Second);
            return Api.RetryLater.TooManyRequests(http, $"Key '{key.Name}' is limited to {key.PerMinuteLimit} requests per minute.", retryAfter);
        }

        http.Items[typeof(ApiKeyEntity)] = key;
        await keys.RecordUseAsync(key.Id, http.RequestAborted);
        return await next(context);
    }

    public void Dispose() => _limiter.Dispose();
}
