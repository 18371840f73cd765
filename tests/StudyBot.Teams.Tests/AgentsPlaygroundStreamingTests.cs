using System.Text.Json.Nodes;
using StudyBot.Assistant.Tests.Fakes;
using StudyBot.Teams.Tests.Infrastructure;

namespace StudyBot.Teams.Tests;

/// <summary>
/// A chat model's answer streamed into the Agents Playground's personal chat: the playground takes StudyBot's
/// streaminfo updates as Teams does (the first creates the message, each later one updates it, the final message
/// completes it) and shows the final text with its AI label and citations.
/// </summary>
public sealed class AgentsPlaygroundStreamingTests : IAsyncLifetime
{
    private FakeOpenAI _model = null!;
    private PlaygroundSession _session = null!;

    public async Task InitializeAsync()
    {
        _model = await FakeOpenAI.StartAsync();
        _session = await PlaygroundSession.StartAsync(new Dictionary<string, string?>
        {
            ["StudyBot:Llm:Provider"] = "OpenAICompatible",
            ["StudyBot:Llm:Endpoint"] = _model.BaseUrl + "/v1",
            ["StudyBot:Llm:ChatModel"] = "llama3.1",
            ["StudyBot:Teams:StreamInterval"] = "00:00:00",
        });
    }

    public async Task DisposeAsync()
    {
        await _session.DisposeAsync();
        await _model.DisposeAsync();
    }

    [Fact]
    public async Task Playground_PersonalChatModelAnswer_StreamsIntoOneMessageThatEndsAsTheCitedAIAnswer()
    {
        _model.ToolCalls(("call_1", "knowledge_search", """{"query":"QLoRA 4-bit NormalFloat LoRA adapters"}"""));
        _model.Answer(StreamingTests.Supported + " " + StreamingTests.Second, TimeSpan.FromMilliseconds(20));
        var chat = _session.PersonalChat;
        var shown = new List<JsonNode>();

        await _session.SayInPersonalChatAsync("What is QLoRA?");
        await _session.Playground.WaitForEventAsync(e =>
        {
            if (!_session.IsFromBot(e, chat))
            {
                return false;
            }

            shown.Add(e);
            return e["message"]?["streamEntity"]?["streamType"]?.GetValue<string>() == "final";
        });

        var created = shown[0];
        Assert.Equal(("createMessage", "informative", "Searching the knowledge base…"), (Action(created), StreamType(created), Text(created)));
        var messageId = created["message"]!["messageId"]!.GetValue<string>();
        Assert.All(shown.Skip(1), e => Assert.Equal(("updateMessage", messageId), (Action(e), e["message"]!["messageId"]!.GetValue<string>())));
        var streamed = shown.Where(e => StreamType(e) == "streaming").Select(Text).ToList();
        Assert.True(streamed.Count >= 2, "the text streams in more than one update: " + string.Join(" | ", shown.Select(e => $"{Action(e)} {StreamType(e)} {Text(e)}")));
        Assert.All(streamed.Zip(streamed.Skip(1)), pair => Assert.StartsWith(pair.First, pair.Second, StringComparison.Ordinal));

        var final = shown[^1]["message"]!;
        Assert.StartsWith(StreamingTests.Supported, final["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("AIGeneratedContent", final["aiEntity"]!["additionalType"]![0]!.GetValue<string>());
        Assert.Equal(1, final["aiEntity"]!["citation"]![0]!["position"]!.GetValue<int>());
        Assert.Contains("fine-tuning.md", final["aiEntity"]!["citation"]!.ToJsonString(), StringComparison.Ordinal);
    }

    private static string? Action(JsonNode e) => e["action"]?.GetValue<string>();

    private static string? StreamType(JsonNode e) => e["message"]?["streamEntity"]?["streamType"]?.GetValue<string>();

    private static string? Text(JsonNode e) => e["message"]?["text"]?.GetValue<string>();
}
