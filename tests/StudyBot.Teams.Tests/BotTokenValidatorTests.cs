using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using StudyBot.Teams.Authentication;
using StudyBot.Teams.Tests.Infrastructure;

namespace StudyBot.Teams.Tests;

public sealed class BotTokenValidatorTests : IAsyncLifetime
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/amer/";
    private const string TenantId = "8a6c1b2d-0000-4000-8000-00000000beef";
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private OpenIdAuthority _botFramework = null!;
    private OpenIdAuthority _entra = null!;
    private IHost _services = null!;

    private BotTokenValidator Validator => _services.Services.GetRequiredService<BotTokenValidator>();

    public async Task InitializeAsync()
    {
        _botFramework = await OpenIdAuthority.StartBotFrameworkAsync();
        _entra = await OpenIdAuthority.StartEntraAsync(TenantId);
        var settings = TeamsServices.Settings(_botFramework, null);
        settings["StudyBot:Teams:TenantId"] = TenantId;
        settings["StudyBot:Teams:EntraOpenIdMetadataUrl"] = _entra.MetadataUrl;
        _services = TeamsServices.Build(_time, settings);
    }

    public async Task DisposeAsync()
    {
        _services.Dispose();
        await _botFramework.DisposeAsync();
        await _entra.DisposeAsync();
    }

    private Task<TokenCheck> ValidateAsync(string token) => Validator.ValidateAsync("Bearer " + token, CancellationToken.None);

    [Fact]
    public async Task Validate_ConnectorToken_AcceptedWithItsServiceUrlAndEndorsements()
    {
        var check = await ValidateAsync(_botFramework.IssueToken(TeamsActivities.BotAppId, ServiceUrl));

        Assert.Null(check.Failure);
        Assert.True(check.Token!.FromBotFramework);
        Assert.Null(check.Token.Authorizes("msteams", ServiceUrl));
    }

    [Fact]
    public async Task Validate_ExpiredBeyondTheClockSkew_Rejected()
    {
        var token = _botFramework.IssueToken(TeamsActivities.BotAppId, ServiceUrl, notBefore: _time.GetUtcNow().UtcDateTime);
        _time.Advance(TimeSpan.FromHours(1) + BotTokenValidator.ClockSkew + TimeSpan.FromSeconds(1));

        Assert.Equal("the token has expired", (await ValidateAsync(token)).Failure);
    }

    [Fact]
    public async Task Validate_ExpiredWithinTheClockSkew_Accepted()
    {
        var token = _botFramework.IssueToken(TeamsActivities.BotAppId, ServiceUrl, notBefore: _time.GetUtcNow().UtcDateTime);
        _time.Advance(TimeSpan.FromHours(1) + BotTokenValidator.ClockSkew - TimeSpan.FromSeconds(30));

        Assert.Null((await ValidateAsync(token)).Failure);
    }

    [Fact]
    public async Task Validate_NotYetValid_Rejected()
    {
        var token = _botFramework.IssueToken(TeamsActivities.BotAppId, ServiceUrl, notBefore: _time.GetUtcNow().UtcDateTime.AddMinutes(10));

        Assert.Equal("the token is not valid yet", (await ValidateAsync(token)).Failure);
    }

    [Fact]
    public async Task Validate_AnotherBotsAudience_Rejected()
    {
        var token = _botFramework.IssueToken("00000000-1111-2222-3333-444444444444", ServiceUrl);

        Assert.Equal("the token is for another audience", (await ValidateAsync(token)).Failure);
    }

    [Fact]
    public async Task Validate_UntrustedIssuer_RejectedWithoutFetchingKeys()
    {
        var token = _botFramework.IssueToken(TeamsActivities.BotAppId, ServiceUrl, issuer: "https://evil.example.com");

        Assert.Equal("issuer 'https://evil.example.com' is not trusted", (await ValidateAsync(token)).Failure);
        Assert.Equal(0, _botFramework.KeyRequests);
    }

    [Fact]
    public async Task Validate_SignedByAnUnpublishedKey_RejectedAfterOneRefresh()
    {
        Assert.Null((await ValidateAsync(_botFramework.IssueToken(TeamsActivities.BotAppId, ServiceUrl))).Failure);
        var rogue = _botFramework.CreateKey(["msteams"], publish: false);

        var first = await ValidateAsync(_botFramework.IssueToken(TeamsActivities.BotAppId, ServiceUrl, rogue));
        var second = await ValidateAsync(_botFramework.IssueToken(TeamsActivities.BotAppId, ServiceUrl, rogue));

        Assert.StartsWith($"key id '{rogue.KeyId}' is not published", first.Failure, StringComparison.Ordinal);
        Assert.NotNull(second.Failure);
        Assert.Equal(2, _botFramework.KeyRequests); // the initial load and one refresh, not one per request
    }

    [Fact]
    public async Task Validate_RotatedKey_PickedUpByTheUnknownKeyRefresh()
    {
        Assert.Null((await ValidateAsync(_botFramework.IssueToken(TeamsActivities.BotAppId, ServiceUrl))).Failure);
        var rotated = _botFramework.CreateKey(["msteams"]);

        Assert.Null((await ValidateAsync(_botFramework.IssueToken(TeamsActivities.BotAppId, ServiceUrl, rotated))).Failure);
    }

    [Fact]
    public async Task Validate_ForgedSignatureWithAPublishedKeyId_Rejected()
    {
        var forger = _botFramework.CreateKey(["msteams"], publish: false);
        var token = _botFramework.IssueToken(TeamsActivities.BotAppId, ServiceUrl, forger);
        var forged = token.Replace(forger.KeyId, _botFramework.DefaultKey.KeyId, StringComparison.Ordinal);

        Assert.NotNull((await ValidateAsync(forged)).Failure);
    }

    [Fact]
    public async Task Authorizes_KeyNotEndorsedForTeams_Refused()
    {
        var webchatOnly = _botFramework.CreateKey(["webchat"]);
        var check = await ValidateAsync(_botFramework.IssueToken(TeamsActivities.BotAppId, ServiceUrl, webchatOnly));

        Assert.Equal("the signing key is not endorsed for channel 'msteams'", check.Token!.Authorizes("msteams", ServiceUrl));
        Assert.Null(check.Token.Authorizes("webchat", ServiceUrl));
    }

    [Fact]
    public async Task Authorizes_ServiceUrlOfAnotherActivity_Refused()
    {
        var check = await ValidateAsync(_botFramework.IssueToken(TeamsActivities.BotAppId, ServiceUrl));

        Assert.Equal("the token's serviceurl claim does not match the activity", check.Token!.Authorizes("msteams", "https://attacker.example.com/"));
        Assert.Null(check.Token.Authorizes("msteams", "https://smba.trafficmanager.net/amer"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    public async Task Validate_NoBearerToken_Rejected(string? header)
    {
        Assert.Equal("no bearer token", (await Validator.ValidateAsync(header, CancellationToken.None)).Failure);
    }

    [Fact]
    public async Task Validate_RecordedConnectorToken_RejectedBecauseItsKeyIsNotPublished()
    {
        // The real 2019 token of the recording: right issuer and audience, signed by a long-rotated key.
        var recorded = System.Text.Json.Nodes.JsonNode.Parse(TeamsActivities.Text(Path.Combine("recordings", "inbound.message.channel.mention.http.json")))!;
        var header = recorded["headers"]!["authorization"]!.GetValue<string>();

        var check = await Validator.ValidateAsync(header, CancellationToken.None);

        Assert.Equal("key id 'KpIWRUlgfiNld1DTxZAhe4iNmkA' is not published at " + _botFramework.MetadataUrl, check.Failure);
    }

    [Theory]
    [InlineData("https://login.microsoftonline.com/{0}/v2.0")]
    [InlineData("https://sts.windows.net/{0}/")]
    public async Task Validate_EntraTokenOfTheConfiguredTenant_AcceptedWithoutEndorsements(string issuerFormat)
    {
        var token = _entra.IssueToken(TeamsActivities.BotAppId, ServiceUrl, issuer: string.Format(System.Globalization.CultureInfo.InvariantCulture, issuerFormat, TenantId));

        var check = await ValidateAsync(token);

        Assert.Null(check.Failure);
        Assert.False(check.Token!.FromBotFramework);
        Assert.Null(check.Token.Authorizes("msteams", ServiceUrl));
    }

    [Fact]
    public async Task Validate_EntraTokenOfAnotherTenant_Rejected()
    {
        var token = _entra.IssueToken(TeamsActivities.BotAppId, ServiceUrl, issuer: "https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/v2.0");

        Assert.StartsWith("issuer 'https://login.microsoftonline.com/11111111", (await ValidateAsync(token)).Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_BotFrameworkIssuerSignedWithAnEntraKey_Rejected()
    {
        var entraKey = _entra.DefaultKey;
        var token = _botFramework.IssueToken(TeamsActivities.BotAppId, ServiceUrl, entraKey);

        Assert.NotNull((await ValidateAsync(token)).Failure);
    }
}
