using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Knowledge.Embeddings;
using StudyBot.Knowledge.Ingestion;
using StudyBot.Tests;

namespace StudyBot.Host.Tests;

/// <summary>
/// Questions asked right after start, before the background embedding has computed any chunk's
/// vector (held back here): the sentences of the chunks a question finds are embedded for it, so it
/// is answered by meaning, and what the knowledge base does not hold is still declined.
/// </summary>
public sealed class BeforeVectorsAnswerTests : IAsyncLifetime
{
    private readonly TempFolder _data = new();
    private readonly HeldBackEmbeddings _held = new();
    private StudyBotHost _host = null!;
    private HttpClient _client = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _host = new StudyBotHost(_data.Path, TestPaths.Knowledge, services: services => services.AddSingleton(sp =>
        {
            var selection = EmbeddingGeneratorFactory.Create(new(), new());
            _held.Inner = selection.Generator;
            return selection with { Generator = _held };
        }));
        _client = _host.CreateClient();
        _admin = _host.CreateAdminClient();
        await WaitForWordsAsync();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        _admin.Dispose();
        await _host.DisposeAsync();
        _held.Dispose();
        _data.Dispose();
    }

    [Theory]
    [InlineData("What is HNSW?", "vector-stores.md", "graph-based ANN index")]
    [InlineData("What is QLoRA?", "fine-tuning-lora-qlora-peft.md", "QLoRA")]
    public async Task Ask_BeforeTheVectorsAreComputed_AnswersWithTheFact(string question, string link, string fact)
    {
        var answer = await AskAsync(question);

        Assert.True(answer.GetProperty("found").GetBoolean(), answer.ToString());
        Assert.Equal(link, answer.GetProperty("citations")[0].GetProperty("link").GetString());
        Assert.Contains(fact, answer.GetProperty("answer").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("How many vacation days do new employees get?")]
    [InlineData("What is the capital of Australia?")]
    [InlineData("Can I bring my dog to the office on Fridays?")]
    public async Task Ask_OffTopicBeforeTheVectorsAreComputed_IsDeclined(string question)
    {
        var answer = await AskAsync(question);

        Assert.False(answer.GetProperty("found").GetBoolean(), answer.ToString());
    }

    private async Task<JsonElement> AskAsync(string question)
    {
        var status = await _admin.GetFromJsonAsync<JsonElement>("/api/status", StudyBotHost.Json);
        var vectors = status.GetProperty("index").GetProperty("embeddings");
        Assert.Equal(0, vectors.GetProperty("embedded").GetInt32());

        var response = await _client.PostAsJsonAsync("/api/ask", new { question });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Waits until every source is indexed by words and the background embedding is held.</summary>
    private async Task WaitForWordsAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(240);
        while (true)
        {
            var status = await _admin.GetFromJsonAsync<JsonElement>("/api/status", StudyBotHost.Json);
            var index = status.GetProperty("index");
            var indexed = status.GetProperty("ready").GetBoolean()
                && index.GetProperty("sources").EnumerateArray().All(s => s.GetProperty("state").GetString() is "idle" or "failed");
            if (indexed && _held.Held)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "indexing did not finish: " + status);
            await Task.Delay(100);
        }
    }

    /// <summary>The embedder, holding every batch of the background embedding (on its thread) until the host stops; what a question needs passes.</summary>
    private sealed class HeldBackEmbeddings : IEmbeddingGenerator<string, Embedding<float>>
    {
        private readonly TaskCompletionSource _never = new();
        private int _batches;

        public IEmbeddingGenerator<string, Embedding<float>> Inner { get; set; } = null!;

        public bool Held => Volatile.Read(ref _batches) > 0;

        public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            var texts = values.ToList();
            if (Thread.CurrentThread.Name == EmbeddingBackfill.ThreadName)
            {
                Interlocked.Increment(ref _batches);
                await _never.Task.WaitAsync(cancellationToken);
            }

            return await Inner.GenerateAsync(texts, options, cancellationToken);
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => Inner.GetService(serviceType, serviceKey);

        public void Dispose()
        {
        }
    }
}
