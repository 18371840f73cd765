using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Adapters.Api;
using StudyBot.Teams.Configuration;

namespace StudyBot.Teams.Api;

/// <summary>
/// The bot's outbound token from the OAuth client-credentials grant, cached until
/// <see cref="RenewBefore"/> ahead of its expiry; concurrent callers share one request.
/// </summary>
internal sealed partial class AppTokenProvider(
    IOptions<TeamsOptions> options,
    IHttpClientFactory http,
    TimeProvider time,
    ILogger<AppTokenProvider> logger) : IDisposable
{
    public const string HttpClientName = "StudyBot.Teams.Token";
    public static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile CachedToken? _token;

    /// <summary>The bearer token for the Connector, or null when no app id is configured (local testing).</summary>
    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.AuthenticationEnabled)
        {
            return null;
        }

        if (_token is { } cached && time.GetUtcNow() < cached.RenewAt)
        {
            return cached.Value;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_token is { } fresh && time.GetUtcNow() < fresh.RenewAt)
            {
                return fresh.Value;
            }

            var token = await RequestAsync(settings, cancellationToken);
            _token = token;
            return token.Value;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Drops the cached token, e.g. after the Connector answered 401.</summary>
    public void Invalidate() => _token = null;

    public void Dispose() => _gate.Dispose();

    private async Task<CachedToken> RequestAsync(TeamsOptions settings, CancellationToken cancellationToken)
    {
        var endpoint = new Uri(settings.ResolvedTokenEndpoint);
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = settings.AppId!,
            ["client_secret"] = settings.AppPassword ?? "",
            ["scope"] = settings.OAuthScope,
        });
        var requestedAt = time.GetUtcNow();

        // A token request changes nothing at the endpoint, so it may be retried like a read.
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = form }.MarkIdempotent();
        using var response = await http.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            // The body may echo request details; only the status is reported.
            throw new ConnectorException("POST", endpoint, response.StatusCode, $"the token endpoint answered {(int)response.StatusCode}");
        }

        var body = await response.Content.ReadFromJsonAsync(TokenJson.Default.TokenResponse, cancellationToken);
        if (string.IsNullOrEmpty(body?.AccessToken) || body.ExpiresIn <= 0)
        {
            throw new ConnectorException("POST", endpoint, response.StatusCode, "the token endpoint returned no access_token/expires_in");
        }

        var lifetime = TimeSpan.FromSeconds(body.ExpiresIn);
        var renewAt = requestedAt + (lifetime > RenewBefore * 2 ? lifetime - RenewBefore : lifetime / 2);
        LogTokenAcquired(endpoint.Host, renewAt);
        return new CachedToken(body.AccessToken, renewAt);
    }

    [LoggerMessage(LogLevel.Information, "Acquired a Bot Connector token from {TokenHost}, renewing at {RenewAt:O}")]
    private partial void LogTokenAcquired(string tokenHost, DateTimeOffset renewAt);

    private sealed record CachedToken(string Value, DateTimeOffset RenewAt);
}

internal sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("expires_in")] long ExpiresIn,
    [property: JsonPropertyName("token_type")] string? TokenType);

[JsonSerializable(typeof(TokenResponse))]
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString)]
internal sealed partial class TokenJson : JsonSerializerContext;
