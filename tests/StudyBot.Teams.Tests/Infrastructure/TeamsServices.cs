using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StudyBot.Teams.Configuration;

namespace StudyBot.Teams.Tests.Infrastructure;

/// <summary>The Teams adapter's real service registrations (AddStudyBotTeams) on a clock the test controls, without the web host.</summary>
internal static class TeamsServices
{
    public static IHost Build(TimeProvider time, IDictionary<string, string?> settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.Services.AddSingleton(time);
        builder.AddStudyBotTeams();
        return builder.Build();
    }

    /// <summary>Settings for the bot of the recordings, trusting <paramref name="authority"/> and the fake Connector's token endpoint.</summary>
    public static Dictionary<string, string?> Settings(OpenIdAuthority? authority, FakeConnector? connector) => new()
    {
        ["StudyBot:Teams:AppId"] = TeamsActivities.BotAppId,
        ["StudyBot:Teams:AppPassword"] = FakeConnector.ClientSecret,
        ["StudyBot:Teams:OpenIdMetadataUrl"] = authority?.MetadataUrl ?? TeamsOptions.BotFrameworkMetadataUrl,
        ["StudyBot:Teams:TokenEndpoint"] = connector?.TokenEndpoint,
    };
}
