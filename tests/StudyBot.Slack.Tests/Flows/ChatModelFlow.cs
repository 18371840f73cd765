using StudyBot.Assistant.Tests.Fakes;
using StudyBot.Slack.Tests.Fakes;

namespace StudyBot.Slack.Tests.Flows;

/// <summary>Flows answered by a chat model: a fake Slack and knowledge base, and a fake OpenAI-compatible model the host is pointed at.</summary>
public abstract class ChatModelFlow : IAsyncLifetime
{
    internal SlackTestBed Bed { get; private set; } = null!;

    internal FakeOpenAI Model { get; private set; } = null!;

    internal FakeSlackApi Slack => Bed.Slack;

    /// <summary>The settings that make the host answer with <see cref="Model"/>, plus <paramref name="more"/>.</summary>
    internal (string Key, string? Value)[] WithModel(params (string Key, string? Value)[] more) =>
    [
        ("StudyBot:Llm:Provider", "OpenAICompatible"),
        ("StudyBot:Llm:Endpoint", Model.BaseUrl + "/v1"),
        ("StudyBot:Llm:ChatModel", "llama3.1"),
        .. more,
    ];

    public async Task InitializeAsync()
    {
        Bed = await SlackTestBed.StartAsync();
        Model = await FakeOpenAI.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Bed.DisposeAsync();
        await Model.DisposeAsync();
    }
}
