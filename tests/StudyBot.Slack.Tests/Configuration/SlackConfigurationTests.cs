using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StudyBot.Core.Inbox;
using StudyBot.Tests;

namespace StudyBot.Slack.Tests.Configuration;

/// <summary>The adapter is active only when configured, and a half configuration stops start-up naming the key.</summary>
public sealed class SlackConfigurationTests : IDisposable
{
    private readonly TempFolder _data = new();

    public void Dispose() => _data.Dispose();

    private sealed class Host(string data, IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("StudyBot:DataDirectory", data);
            builder.UseSetting("StudyBot:Sources:knowledge:Path", Path.Combine(TestPaths.Knowledge));
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }

    [Fact]
    public async Task Host_WithoutSlackSettings_StartsWithoutSlackEndpointsOrHandler()
    {
        await using var host = new Host(_data.Path, new Dictionary<string, string?>());

        var health = await host.CreateClient().GetAsync("/healthz");
        var events = await host.CreateClient().PostAsync("/slack/events", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, events.StatusCode);
        Assert.DoesNotContain(host.Services.GetServices<IInboxHandler>(), h => h.Channel == "slack");
    }

    [Theory]
    [InlineData("StudyBot:Slack:BotToken", "xoxb-1", "StudyBot:Slack:SigningSecret")]
    [InlineData("StudyBot:Slack:SigningSecret", "secret", "StudyBot:Slack:BotToken")]
    public void Host_IncompleteSlackSettings_FailsAtStartNamingTheKey(string key, string value, string named)
    {
        var host = new Host(_data.Path, new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => host.CreateClient());

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        try
        {
            host.Dispose();
        }
        catch (ArgumentNullException)
        {
            // WebApplicationFactory cannot stop a host whose start failed before its services existed.
        }
    }
}
