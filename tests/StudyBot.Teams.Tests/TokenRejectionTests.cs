using System.Net;
using StudyBot.Teams.Tests.Infrastructure;

namespace StudyBot.Teams.Tests;

/// <summary>
/// Every bad token gets 401 before anything is stored: the same activity sent afterwards with a valid token is
/// then new to the inbox and answered, which a stored (rejected) copy would have prevented.
/// </summary>
public sealed class TokenRejectionTests(TeamsFlowFixture fixture) : IClassFixture<TeamsFlowFixture>
{
    public static TheoryData<string> Cases => ["expired", "wrong audience", "wrong issuer", "unknown key id", "key not endorsed for msteams", "serviceUrl mismatch", "no header", "not a JWT"];

    private string? BadToken(string reason)
    {
        var authority = fixture.Authority;
        var serviceUrl = fixture.Connector.ServiceUrl;
        var appId = TeamsActivities.BotAppId;
        return reason switch
        {
            "expired" => authority.IssueToken(appId, serviceUrl, notBefore: DateTime.UtcNow.AddHours(-2), expires: DateTime.UtcNow.AddHours(-1)),
            "wrong audience" => authority.IssueToken("9c9c9c9c-0000-4000-8000-000000000000", serviceUrl),
            "wrong issuer" => authority.IssueToken(appId, serviceUrl, issuer: "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/"),
            "unknown key id" => authority.IssueToken(appId, serviceUrl, authority.CreateKey(["msteams"], publish: false)),
            "key not endorsed for msteams" => authority.IssueToken(appId, serviceUrl, authority.CreateKey(["webchat"])),
            "serviceUrl mismatch" => authority.IssueToken(appId, "https://smba.trafficmanager.net/amer/"),
            "no header" => null,
            "not a JWT" => "not-a-token",
            _ => throw new ArgumentOutOfRangeException(nameof(reason)),
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Post_BadToken_401AndNothingProcessed(string reason)
    {
        var id = $"rejected-{reason.Replace(' ', '-')}-{Guid.NewGuid():N}";
        var activity = TeamsActivities.Mention(fixture.Connector.ServiceUrl, id, "What is QLoRA?");

        var rejected = await fixture.Host.PostActivityAsync(activity, BadToken(reason));
        var accepted = await fixture.Host.PostActivityAsync(activity, fixture.Token());

        Assert.Equal(HttpStatusCode.Unauthorized, rejected.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        await fixture.Connector.WaitForReplyAsync(id);
        Assert.Single(fixture.Connector.Calls, c => c.ReplyToId == id && c.Type == "message");
    }

    [Fact]
    public async Task Post_MalformedBodyWithoutAToken_401BeforeTheBodyIsRead()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent("{not json") };

        var response = await fixture.Host.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
