namespace StudyBot.Teams.Tests.Infrastructure;

/// <summary>One real host with its local OpenID authority and Connector, shared by a test class; indexed before the tests.</summary>
public sealed class TeamsFlowFixture : IAsyncLifetime
{
    /// <summary>The sender of the recorded channel mention, configured as a StudyBot admin.</summary>
    public const string AdminAadObjectId = "6b703ce3-6d14-4fe6-b90c-dc5f03657ae4";

    internal OpenIdAuthority Authority { get; private set; } = null!;

    internal FakeConnector Connector { get; private set; } = null!;

    internal TeamsHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Authority = await OpenIdAuthority.StartBotFrameworkAsync();
        Connector = await FakeConnector.StartAsync();
        Host = new TeamsHost(Authority, Connector, new Dictionary<string, string?> { ["StudyBot:Teams:AdminIds:0"] = AdminAadObjectId });
        await Host.WaitForIngestionAsync();
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Connector.DisposeAsync();
        await Authority.DisposeAsync();
    }

    /// <summary>A token the Bot Connector would send with an activity for this serviceUrl.</summary>
    internal string Token(string? serviceUrl = null) => Authority.IssueToken(TeamsActivities.BotAppId, serviceUrl ?? Connector.ServiceUrl);
}
