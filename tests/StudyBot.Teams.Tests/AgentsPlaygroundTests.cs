using System.Text.Json.Nodes;
using StudyBot.Teams.Tests.Infrastructure;

namespace StudyBot.Teams.Tests;

/// <summary>
/// End to end with Microsoft's Teams client emulator: the Agents Playground (anonymous mode, its own
/// /_connector as serviceUrl) talks to the real StudyBot host over loopback HTTP.
/// </summary>
public sealed class AgentsPlaygroundTests : IAsyncLifetime
{
    private PlaygroundSession _session = null!;

    private AgentsPlayground Playground => _session.Playground;

    private JsonNode Config => _session.Config;

    private string Me => _session.Me;

    public async Task InitializeAsync() => _session = await PlaygroundSession.StartAsync();

    public async Task DisposeAsync() => await _session.DisposeAsync();

    private async Task<JsonNode> AskInPersonalChatAsync(string question)
    {
        await _session.SayInPersonalChatAsync(question);
        return await Playground.WaitForEventAsync(e =>
            e["action"]?.GetValue<string>() == "createMessage" && _session.IsFromBot(e, _session.PersonalChat) && e["message"]?["aiEntity"] is not null);
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
        var channel = Config["teams"]![0]!["channels"]![0]!["id"]!.GetValue<string>();
        var bot = Config["bot"]!;
        var mention = $"<at>{bot["name"]!.GetValue<string>()}</at>";

        await Playground.SendAsync(channel, new JsonObject
        {
            ["from"] = new JsonObject { ["id"] = Me },
            ["text"] = $"{mention} How do vector stores find the nearest embeddings?",
            ["textFormat"] = "plain",
            ["mentions"] = new JsonArray(new JsonObject { ["mentioned"] = new JsonObject { ["id"] = bot["id"]!.GetValue<string>() }, ["text"] = mention }),
        });
        var reply = await Playground.WaitForEventAsync(e =>
            e["action"]?.GetValue<string>() == "createMessage"
            && e["message"]?["from"]?["id"]?.GetValue<string>() == bot["id"]!.GetValue<string>()
            && e["message"]?["aiEntity"] is not null);

        Assert.Contains("vector-stores.md", reply["message"]!["aiEntity"]!["citation"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Playground_QuizAnswerButton_CardRefreshedWithTheResult()
    {
        var chat = _session.PersonalChat;
        await _session.SayInPersonalChatAsync("quiz fine-tuning 1");
        var question = await Playground.WaitForEventAsync(e =>
            e["action"]?.GetValue<string>() == "createMessage"
            && e["actionConversationId"]?.GetValue<string>() == chat
            && e["message"]?["attachments"]?.ToJsonString().Contains("Question 1 of 1", StringComparison.Ordinal) == true);
        var option = question["message"]!["attachments"]![0]!["content"]!["actions"]![0]!;

        var response = await Playground.InvokeAsync(new JsonObject
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
