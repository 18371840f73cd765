using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace StudyBot.Teams.Tests.Infrastructure;

/// <summary>
/// The real StudyBot host on Kestrel (loopback, no app id) with Microsoft's Agents Playground in front of it: the
/// playground is the Teams client and the Bot Connector (its own /_connector as serviceUrl).
/// </summary>
internal sealed class PlaygroundSession : IAsyncDisposable
{
    private readonly FakeConnector _unused;

    private PlaygroundSession(FakeConnector unused, TeamsHost host, AgentsPlayground playground, JsonNode config) =>
        (_unused, Host, Playground, Config) = (unused, host, playground, config);

    public TeamsHost Host { get; }

    public AgentsPlayground Playground { get; }

    /// <summary>The playground's mock tenant: current user, bot, personal chat, teams and channels.</summary>
    public JsonNode Config { get; }

    public string Me => Config["currentUser"]!["id"]!.GetValue<string>();

    public string BotId => Config["bot"]!["id"]!.GetValue<string>();

    public string PersonalChat => Config["personalChat"]!["id"]!.GetValue<string>();

    /// <param name="settings">StudyBot settings on top of the test host's (a chat model, …).</param>
    public static async Task<PlaygroundSession> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var unused = await FakeConnector.StartAsync();
        var host = new TeamsHost(authority: null, unused, settings);
        host.UseKestrel(0);
        host.StartServer();
        await host.WaitForIngestionAsync();
        var address = host.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var playground = await AgentsPlayground.StartAsync(address.Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/api/messages");
        return new PlaygroundSession(unused, host, playground, await playground.GetConfigAsync());
    }

    /// <summary>Types <paramref name="text"/> into the personal chat with the bot.</summary>
    public Task SayInPersonalChatAsync(string text) => Playground.SendAsync(PersonalChat, new JsonObject
    {
        ["from"] = new JsonObject { ["id"] = Me },
        ["text"] = text,
        ["textFormat"] = "plain",
    });

    /// <summary>Whether a playground event shows a message from StudyBot in <paramref name="conversationId"/>.</summary>
    public bool IsFromBot(JsonNode e, string conversationId) =>
        e["actionConversationId"]?.GetValue<string>() == conversationId && e["message"]?["from"]?["id"]?.GetValue<string>() == BotId;

    public async ValueTask DisposeAsync()
    {
        await Playground.DisposeAsync();
        await Host.DisposeAsync();
        await _unused.DisposeAsync();
    }
}
