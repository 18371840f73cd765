using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using StudyBot.Teams.Configuration;

namespace StudyBot.Teams.Authentication;

/// <summary>
/// Checks the bearer token the Bot Connector sends with every activity, as botbuilder does: RS256 signature
/// by a key of the Bot Framework OpenID metadata (or the tenant's Entra metadata for single-tenant bots),
/// issuer, audience = the app id, lifetime with five minutes of clock skew. The activity-bound checks
/// (endorsement of the channel, serviceUrl claim) follow in <see cref="ValidatedToken.Authorizes"/>.
/// </summary>
internal sealed class BotTokenValidator(IOptions<TeamsOptions> options, SigningKeyStore keys, TimeProvider time)
{
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public async Task<TokenCheck> ValidateAsync(string? authorization, CancellationToken cancellationToken)
    {
        if (!AuthenticationHeaderValue.TryParse(authorization, out var header)
            || !string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase)
            || string.IsNullOrWhiteSpace(header.Parameter))
        {
            return TokenCheck.Fail("no bearer token");
        }

        JsonWebToken unverified;
        try
        {
            unverified = _handler.ReadJsonWebToken(header.Parameter);
        }
        catch (ArgumentException)
        {
            return TokenCheck.Fail("the token is not a JWT");
        }

        var settings = options.Value;
        var fromBotFramework = unverified.Issuer == TeamsOptions.BotFrameworkIssuer;
        var cache = fromBotFramework ? keys.BotFramework : settings.EntraIssuers.Contains(unverified.Issuer) ? keys.Entra : null;
        if (cache is null)
        {
            return TokenCheck.Fail($"issuer '{unverified.Issuer}' is not trusted");
        }

        if (unverified.Alg != SecurityAlgorithms.RsaSha256 || string.IsNullOrEmpty(unverified.Kid))
        {
            return TokenCheck.Fail("the token is not RS256-signed with a key id");
        }

        var key = await cache.FindAsync(unverified.Kid, cancellationToken);
        if (key is null)
        {
            return TokenCheck.Fail($"key id '{unverified.Kid}' is not published at {cache.MetadataUrl}");
        }

        var result = await _handler.ValidateTokenAsync(header.Parameter, new TokenValidationParameters
        {
            IssuerSigningKey = key.Key,
            ValidIssuers = fromBotFramework ? [TeamsOptions.BotFrameworkIssuer] : settings.EntraIssuers,
            ValidAudience = settings.AppId,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            RequireSignedTokens = true,
            ValidateLifetime = false, // checked below against the injected TimeProvider
            ValidateIssuerSigningKey = false, // keys are trusted through the metadata document, not certificates
        });
        if (!result.IsValid)
        {
            return TokenCheck.Fail(Describe(result.Exception));
        }

        if (Lifetime(unverified) is { } lifetimeFailure)
        {
            return TokenCheck.Fail(lifetimeFailure);
        }

        var serviceUrl = result.Claims.TryGetValue("serviceurl", out var claim) ? claim as string : null;
        return TokenCheck.Ok(new ValidatedToken(fromBotFramework, serviceUrl, key.Endorsements));
    }

    private string? Lifetime(JsonWebToken token)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (!token.TryGetPayloadValue<long>("exp", out _))
        {
            return "the token has no expiry";
        }

        if (token.ValidTo + ClockSkew < now)
        {
            return "the token has expired";
        }

        return token.ValidFrom != DateTime.MinValue && token.ValidFrom - ClockSkew > now ? "the token is not valid yet" : null;
    }

    private static string Describe(Exception? exception) => exception switch
    {
        SecurityTokenInvalidAudienceException => "the token is for another audience",
        SecurityTokenInvalidIssuerException => "the token's issuer is not trusted",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "the token's signature does not verify",
        null => "the token is invalid",
        _ => "the token is invalid: " + exception.GetType().Name,
    };
}

internal sealed record TokenCheck(ValidatedToken? Token, string? Failure)
{
    public static TokenCheck Ok(ValidatedToken token) => new(token, null);

    public static TokenCheck Fail(string failure) => new(null, failure);
}

/// <summary>A token whose signature, issuer, audience and lifetime were verified.</summary>
internal sealed record ValidatedToken(bool FromBotFramework, string? ServiceUrl, IReadOnlySet<string>? Endorsements)
{
    /// <summary>
    /// Whether the token may deliver an activity of this channel to this serviceUrl: a Bot Framework key must
    /// be endorsed for the channel and the serviceurl claim must match. Entra keys carry no endorsements, and
    /// their tokens are checked against the serviceurl claim when they have one.
    /// </summary>
    public string? Authorizes(string channelId, string serviceUrl)
    {
        if (FromBotFramework && Endorsements?.Contains(channelId) != true)
        {
            return $"the signing key is not endorsed for channel '{channelId}'";
        }

        if (ServiceUrl is null)
        {
            return FromBotFramework ? "the token has no serviceurl claim" : null;
        }

        return string.Equals(ServiceUrl.TrimEnd('/'), serviceUrl.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)
            ? null
            : "the token's serviceurl claim does not match the activity";
    }
}
