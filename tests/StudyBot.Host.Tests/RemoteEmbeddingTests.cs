using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StudyBot.Tests;

namespace StudyBot.Host.Tests;

/// <summary>
/// An OpenAI-compatible embedding model (StudyBot:Llm:EmbeddingModel) in the real host, against a
/// fake endpoint returning 768-dimension vectors as Ollama's models do: the size is read from the
/// model, and a wrong size or a failing model never turns a question into a 500.
/// </summary>
public sealed class RemoteEmbeddingTests : IAsyncLifetime
{
    private readonly TempFolder _data = new();
    private readonly TestCorpus _corpus = new();
    private FakeEmbeddings _model = null!;

    public async Task InitializeAsync() => _model = await FakeEmbeddings.StartAsync();

    private StudyBotHost Host(string? dimensions = null) => new(_data.Path, _corpus.Path, new Dictionary<string, string?>
    {
        ["StudyBot:Llm:Provider"] = "OpenAICompatible",
        ["StudyBot:Llm:Endpoint"] = _model.Endpoint,
        ["StudyBot:Llm:EmbeddingModel"] = "nomic-embed-text",
        ["StudyBot:Llm:EmbeddingDimensions"] = dimensions,
    });

    [Fact]
    public async Task Start_SizeNotSet_ReadsItFromTheModelAndEmbedsEveryChunk()
    {
        await using var host = Host();
        using var client = host.CreateAdminClient();

        var status = await StudyBotHost.WaitForIngestionAsync(client);

        var embeddings = status.GetProperty("index").GetProperty("embeddings");
        Assert.Equal($"openai:nomic-embed-text:768@{_model.Endpoint}", embeddings.GetProperty("embedder").GetString());
        Assert.Equal(status.GetProperty("index").GetProperty("chunks").GetInt32(), embeddings.GetProperty("embedded").GetInt32());
        var answer = await AskAsync(client, "What is QLoRA?");
        Assert.True(answer.GetProperty("found").GetBoolean());
    }

    [Fact]
    public async Task Ask_ModelReturnsAnotherSizeThanConfigured_AnswersByWords()
    {
        await using var host = Host(dimensions: "1536");
        using var client = host.CreateAdminClient();
        var status = await WaitForDocumentsAsync(client);

        var answer = await AskAsync(client, "What is QLoRA?");

        Assert.True(answer.GetProperty("found").GetBoolean());
        Assert.Equal("fine-tuning.md", answer.GetProperty("citations")[0].GetProperty("link").GetString());
        Assert.Equal(0, status.GetProperty("index").GetProperty("embeddings").GetProperty("embedded").GetInt32());
    }

    [Fact]
    public async Task Ask_ModelDown_AnswersByWords()
    {
        _model.Failing = true;
        await using var host = Host(dimensions: "768");
        using var client = host.CreateAdminClient();
        await WaitForDocumentsAsync(client);

        var answer = await AskAsync(client, "What is QLoRA?");

        Assert.True(answer.GetProperty("found").GetBoolean());
        Assert.True(_model.Requests > 0);
    }

    private static async Task<JsonElement> AskAsync(HttpClient client, string question)
    {
        var response = await client.PostAsJsonAsync("/api/ask", new { question });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Until every document is indexed (the vectors never come: the model is wrong or down).</summary>
    private static async Task<JsonElement> WaitForDocumentsAsync(HttpClient client)
    {
        for (var attempt = 0; ; attempt++)
        {
            var status = await client.GetFromJsonAsync<JsonElement>("/api/status");
            if (status.GetProperty("ready").GetBoolean() && StudyBotHost.Source(status, "knowledge").GetProperty("state").GetString() == "idle")
            {
                return status;
            }

            Assert.True(attempt < 600, "ingestion did not finish: " + status);
            await Task.Delay(100);
        }
    }

    public async Task DisposeAsync()
    {
        await _model.DisposeAsync();
        _data.Dispose();
        _corpus.Dispose();
    }
}
