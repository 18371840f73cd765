using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using StudyBot.Tests;

namespace StudyBot.Teams.Tests.Infrastructure;

/// <summary>
/// A local stand-in for login.botframework.com (or a tenant's Entra endpoint): the OpenID metadata document
/// of the fixture with its jwks_uri pointed here, a JWK set in the real format (x5t, x5c, endorsements),
/// and tokens signed with those keys.
/// </summary>
internal sealed class OpenIdAuthority : IAsyncDisposable
{
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    private readonly ConcurrentDictionary<string, TestSigningKey> _published = new();
    private readonly List<TestSigningKey> _all = [];
    private readonly string _issuer;
    private LoopbackServer _server = null!;
    private int _keyRequests;

    private OpenIdAuthority(string issuer) => _issuer = issuer;

    public string MetadataUrl => _server.BaseUrl + "/v1/.well-known/openidconfiguration";

    public int KeyRequests => Volatile.Read(ref _keyRequests);

    /// <summary>The Bot Framework authority; its first key is endorsed for msteams like the real ones.</summary>
    public static Task<OpenIdAuthority> StartBotFrameworkAsync() => StartAsync(BotFrameworkIssuer, ["msteams", "webchat", "directline", "skype"]);

    /// <summary>A tenant's Entra authority: keys without endorsements.</summary>
    public static Task<OpenIdAuthority> StartEntraAsync(string tenantId) => StartAsync($"https://login.microsoftonline.com/{tenantId}/v2.0", null);

    public TestSigningKey DefaultKey { get; private set; } = null!;

    /// <summary>Creates a key; published ones appear in the JWK set from the next fetch on.</summary>
    public TestSigningKey CreateKey(string[]? endorsements, bool publish = true)
    {
        var key = new TestSigningKey(endorsements);
        lock (_all)
        {
            _all.Add(key);
        }

        if (publish)
        {
            _published[key.KeyId] = key;
        }

        return key;
    }

    /// <summary>A token as the Bot Connector sends it: iss, aud, serviceurl, nbf, exp; kid and x5t in the header.</summary>
    public string IssueToken(
        string audience,
        string serviceUrl,
        TestSigningKey? key = null,
        string? issuer = null,
        DateTime? notBefore = null,
        DateTime? expires = null)
    {
        key ??= DefaultKey;
        var nbf = notBefore ?? DateTime.UtcNow.AddMinutes(-1);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer ?? _issuer,
            Audience = audience,
            NotBefore = nbf,
            IssuedAt = nbf,
            Expires = expires ?? nbf.AddHours(1),
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            SigningCredentials = key.Credentials,
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        lock (_all)
        {
            _all.ForEach(k => k.Dispose());
        }
    }

    private static async Task<OpenIdAuthority> StartAsync(string issuer, string[]? endorsements)
    {
        var authority = new OpenIdAuthority(issuer);
        authority._server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/v1/.well-known/openidconfiguration", (HttpRequest request) => Results.Text(authority.Metadata(request), "application/json"));
            app.MapGet("/v1/.well-known/keys", () => Results.Text(authority.KeySet(), "application/json"));
        });
        authority.DefaultKey = authority.CreateKey(endorsements);
        return authority;
    }

    private string Metadata(HttpRequest request)
    {
        var metadata = JsonNode.Parse(File.ReadAllText(TestPaths.Fixture("teams", "auth", "openid-configuration.login.botframework.com.json")))!;
        metadata["issuer"] = _issuer;
        metadata["jwks_uri"] = $"{request.Scheme}://{request.Host}/v1/.well-known/keys";
        return metadata.ToJsonString();
    }

    private string KeySet()
    {
        Interlocked.Increment(ref _keyRequests);
        var keys = new JsonArray([.. _published.Values.Select(k => (JsonNode)k.ToJwk())]);
        return new JsonObject { ["keys"] = keys }.ToJsonString();
    }
}
