using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Teams.Tests.Infrastructure;

namespace StudyBot.Teams.Tests;

/// <summary>
/// End to end with Microsoft's Teams client emulator: the Agents Playground (anonymous mode, its own
/// /_connector as serviceUrl) talks to the real StudyBot host over loopback HTTP.
/// </summary>
public sealed class AgentsPlaygroundTests : IAsyncLifetime
{
    private FakeConnector _unused = null!;
    private TeamsHost _host = null!;
    private AgentsPlayground _playground = null!;
    private JsonNode _config = null!;

    public async Task InitializeAsync()
    {
        _unused = await FakeConnector.StartAsync();
        _host = new TeamsHost(authority: null, _unused);
        _host.UseKestrel(0);
        _host.StartServer();
        await _host.WaitForIngestionAsync();
        var address = _host.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        _playground = await AgentsPlayground.StartAsync(address.Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/api/messages");
        _config = await _playground.GetConfigAsync();
    }

    public async Task DisposeAsync()
    {
        await _playground.DisposeAsync();
        await _host.DisposeAsync();
        await _unused.DisposeAsync();
    }

    /// <summary>StudyBot's answer as the playground shows it: a message with its AI entity.</summary>
    private bool IsBotAnswer(JsonNode e, string conversationId) =>
        e["action"]?.GetValue<string>() == "createMessage"
        && e["actionConversationId"]?.GetValue<string>() == conversationId
        && e["message"]?["from"]?["id"]?.GetValue<string>() == _config["bot"]!["id"]!.GetValue<string>()
        && e["message"]?["aiEntity"] is not null;

    private string Me => _config["currentUser"]!["id"]!.GetValue<string>();

    private async Task<JsonNode> AskInPersonalChatAsync(string question)
    {
        var chat = _config["personalChat"]!["id"]!.GetValue<string>();
        await _playground.SendAsync(chat, new JsonObject
        {
            ["from"] = new JsonObject { ["id"] = Me },
            ["text"] = question,
            ["textFormat"] = "plain",
        });
        return await _playground.WaitForEventAsync(e => IsBotAnswer(e, chat));
    }

    [Fact]
    public async Task Playground_PersonalChatQuestion_ShowsTheAnswerWithItsAILabelAndCitations()
    {
        var reply = await AskInPersonalChatAsync("What is QLoRA?");

        var message = reply["message"]!;
        Assert.Contains("QLoRA", message["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("[1]", message["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var ai = message["aiEntity"]!;
        Assert.Equal("AIGeneratedContent", ai["additionalType"]![0]!.GetValue<string>());
        Assert.Equal(1, ai["citation"]![0]!["position"]!.GetValue<int>());
        Assert.Contains("fine-tuning.md", ai["citation"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Playground_ChannelMention_AnsweredWithCitations()
    {
        var channel = _config["teams"]![0]!["channels"]![0]!["id"]!.GetValue<string>();
        var bot = _config["bot"]!;
        var mention = $"<at>{bot["name"]!.GetValue<string>()}</at>";

        await _playground.SendAsync(channel, new JsonObject
        {
            ["from"] = new JsonObject { ["id"] = Me },
            ["text"] = $"{mention} How do vector stores find the nearest embeddings?",
            ["textFormat"] = "plain",
            ["mentions"] = new JsonArray(new JsonObject { ["mentioned"] = new JsonObject { ["id"] = bot["id"]!.GetValue<string>() }, ["text"] = mention }),
        });
        var reply = await _playground.WaitForEventAsync(e =>
            e["action"]?.GetValue<string>() == "createMessage"
            && e["message"]?["from"]?["id"]?.GetValue<string>() == bot["id"]!.GetValue<string>()
            && e["message"]?["aiEntity"] is not null);

        Assert.Contains("vector-stores.md", reply["message"]!["aiEntity"]!["citation"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Playground_QuizAnswerButton_CardRefreshedWithTheResult()
    {
        var chat = _config["personalChat"]!["id"]!.GetValue<string>();
        await _playground.SendAsync(chat, new JsonObject { ["from"] = new JsonObject { ["id"] = Me }, ["text"] = "quiz fine-tuning 1", ["textFormat"] = "plain" });
        var question = await _playground.WaitForEventAsync(e =>
            e["action"]?.GetValue<string>() == "createMessage"
            && e["actionConversationId"]?.GetValue<string>() == chat
            && e["message"]?["attachments"]?.ToJsonString().Contains("Question 1 of 1", StringComparison.Ordinal) == true);
        var option = question["message"]!["attachments"]![0]!["content"]!["actions"]![0]!;

        var response = await _playground.InvokeAsync(new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = option["verb"]!.DeepClone(), ["data"] = option["data"]!.DeepClone() },
                ["trigger"] = "manual",
            },
            ["from"] = new JsonObject { ["id"] = Me },
            ["conversation"] = new JsonObject { ["id"] = chat },
            ["replyToId"] = question["message"]!["messageId"]!.GetValue<string>(),
        });

        Assert.Equal("application/vnd.microsoft.card.adaptive", response["type"]!.GetValue<string>());
        CardSchema.AssertValid(response["value"]);
        Assert.Contains("fine-tuning.md", response["value"]!.ToJsonString(), StringComparison.Ordinal);
    }
}
