using System.Net;
using StudyBot.Teams.Tests.Infrastructure;

namespace StudyBot.Teams.Tests;

public sealed class TenantAllowListTests : IAsyncLifetime
{
    private OpenIdAuthority _authority = null!;
    private FakeConnector _connector = null!;
    private TeamsHost _host = null!;

    public async Task InitializeAsync()
    {
        _authority = await OpenIdAuthority.StartBotFrameworkAsync();
        _connector = await FakeConnector.StartAsync();
        _host = new TeamsHost(_authority, _connector, new Dictionary<string, string?>
        {
            ["StudyBot:Teams:AllowedTenantIds:0"] = "0d2f3c4b-5a69-4788-97a6-b5c4d3e2f100",
        });
        await _host.WaitForIngestionAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
        await _authority.DisposeAsync();
    }

    [Fact]
    public async Task Post_ActivityFromATenantNotAllowed_403AndNotStored()
    {
        var activity = TeamsActivities.Mention(_connector.ServiceUrl, "other-tenant", "What is QLoRA?");
        var token = _authority.IssueToken(TeamsActivities.BotAppId, _connector.ServiceUrl);

        var response = await _host.PostActivityAsync(activity, token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var inbox = _host.Services.GetService(typeof(Core.Inbox.IInbox)) as Core.Inbox.IInbox;
        Assert.True(await inbox!.TryAcceptAsync("other-tenant@" + activity["conversation"]!["id"], "probe", "{}", CancellationToken.None));
    }

    [Fact]
    public async Task Post_ActivityFromTheAllowedTenant_Answered()
    {
        var activity = TeamsActivities.Mention(_connector.ServiceUrl, "allowed-tenant", "What is QLoRA?");
        activity["channelData"]!["tenant"]!["id"] = "0d2f3c4b-5a69-4788-97a6-b5c4d3e2f100";
        var token = _authority.IssueToken(TeamsActivities.BotAppId, _connector.ServiceUrl);

        Assert.Equal(HttpStatusCode.OK, (await _host.PostActivityAsync(activity, token)).StatusCode);
        await _connector.WaitForReplyAsync("allowed-tenant");
    }
}
