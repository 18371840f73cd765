using StudyBot.Assistant.Tests.Fakes;
using StudyBot.Tests;

namespace StudyBot.Host.Tests;

/// <summary>The real host on the test corpus with a chat model configured: a fake OpenAI-compatible server on loopback.</summary>
internal sealed class ChatModelHost : IAsyncDisposable
{
    private readonly TempFolder _data = new();
    private readonly TestCorpus _corpus = new();

    private ChatModelHost(FakeOpenAI model)
    {
        Model = model;
        Host = new StudyBotHost(_data.Path, _corpus.Path, new Dictionary<string, string?>
        {
            ["StudyBot:Llm:Provider"] = "OpenAICompatible",
            ["StudyBot:Llm:Endpoint"] = model.BaseUrl + "/v1",
            ["StudyBot:Llm:ChatModel"] = "llama3.1",
        });
        Client = Host.CreateAdminClient();
    }

    public FakeOpenAI Model { get; }

    public StudyBotHost Host { get; }

    public HttpClient Client { get; }

    /// <summary>Starts the fake model and the host, and waits until the corpus is indexed.</summary>
    public static async Task<ChatModelHost> StartAsync()
    {
        var started = new ChatModelHost(await FakeOpenAI.StartAsync());
        await StudyBotHost.WaitForIngestionAsync(started.Client);
        return started;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
        await Model.DisposeAsync();
        _data.Dispose();
        _corpus.Dispose();
    }
}
