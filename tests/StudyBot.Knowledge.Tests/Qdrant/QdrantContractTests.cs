using System.Text.Json;
using StudyBot.Core.Retrieval;
using StudyBot.Knowledge.Index.Qdrant;
using StudyBot.Knowledge.Tests.Qdrant.Fake;
using StudyBot.Tests;

namespace StudyBot.Knowledge.Tests.Qdrant;

/// <summary>StudyBot's Qdrant requests and the responses it reads, checked against Qdrant 1.19's OpenAPI spec.</summary>
public sealed class QdrantContractTests : IAsyncLifetime
{
    private const string Collection = "/collections/{collection_name}";

    private readonly TempFolder _corpus = new();
    private FakeQdrant _qdrant = null!;

    public async Task InitializeAsync() => _qdrant = await FakeQdrant.StartAsync(QdrantTestBed.ApiKey);

    /// <summary>Ingest, edit, search with and without a source filter, count, list and remove: every call StudyBot makes.</summary>
    private async Task RunEveryOperationAsync()
    {
        using var bed = new QdrantTestBed(_qdrant.Url, "contract");
        _corpus.Write("lora.md", "# LoRA\n\nLoRA trains two low-rank matrices beside each frozen weight matrix.");
        _corpus.Write("hnsw.md", "# HNSW\n\nHNSW is a graph index for approximate nearest neighbour search.");
        await bed.IngestAsync(_corpus.Path);
        _corpus.Write("lora.md", "# LoRA\n\nLoRA adapters are merged into the weights after training.");
        File.Delete(_corpus.Combine("hnsw.md"));
        await bed.IngestAsync(_corpus.Path);
        await bed.Search.SearchAsync(new KnowledgeQuery("LoRA adapters", 3, ["notes"]), CancellationToken.None);
        await bed.Search.SearchAsync(new KnowledgeQuery("LoRA adapters", 3), CancellationToken.None);
        await bed.Index.GetSourcesAsync(CancellationToken.None);
        await bed.Index.CountAsync(null, CancellationToken.None);
        await bed.Store.GetAsync(Index.ChunkKey.For("notes", "lora.md", 0));
        Assert.True((await bed.Store.CheckAsync(CancellationToken.None)).Ready);
    }

    [Fact]
    public async Task EveryRequestBody_ValidatesAgainstItsOperationSchema()
    {
        await RunEveryOperationAsync();

        Assert.Empty(_qdrant.SchemaErrors);
        Assert.All(_qdrant.Calls, c => Assert.Equal(200, c.Status));
        var operations = _qdrant.Calls.Where(c => c.Body.Length > 0).Select(c => $"{c.Method} {c.Path}").ToHashSet();
        Assert.Equal(
            new[] { "points", "points/batch", "points/count", "points/delete", "points/query", "points/scroll", "index" }.Select(p => $"{(p is "points" or "index" ? "PUT" : "POST")} {Collection}/{p}").Append($"PUT {Collection}").Order(),
            operations.Order());
        foreach (var call in _qdrant.Calls.Where(c => c.Body.Length > 0))
        {
            Assert.Empty(QdrantSpec.RequestErrors(call.Path, call.Method.ToLowerInvariant(), call.Body));
        }
    }

    [Fact]
    public async Task EveryResponseStudyBotRead_IsInTheSpecsShape()
    {
        await RunEveryOperationAsync();

        foreach (var call in _qdrant.Calls)
        {
            var errors = QdrantSpec.ResponseErrors(call.Path, call.Method.ToLowerInvariant(), call.Response);
            Assert.True(errors.Count == 0, $"{call.Method} {call.Path}: {string.Join("; ", errors)}\n{call.Response}");
        }
    }

    [Theory]
    [InlineData("{\"filter\": {\"muss\": []}}")]
    [InlineData("{\"limit\": \"ten\"}")]
    [InlineData("{\"query\": {\"fusion\": \"average\"}}")]
    public void SchemaCheck_RefusesBodiesQdrantWouldRefuse(string body) =>
        Assert.NotEmpty(QdrantSpec.RequestErrors($"{Collection}/points/query", "post", body));

    [Fact]
    public void QueryResponse_WithIntegerAndUuidIdsAndUsage_Parses()
    {
        const string response = """
            {"usage": {"hardware": null}, "time": 0.002, "status": "ok", "result": {"points": [
              {"id": 42, "version": 3, "score": 0.5, "payload": {"kind": "chunk"}},
              {"id": "550e8400-e29b-41d4-a716-446655440000", "version": 7, "score": 0.25, "payload": null}
            ]}}
            """;
        Assert.Empty(QdrantSpec.ResponseErrors($"{Collection}/points/query", "post", response));

        var parsed = JsonSerializer.Deserialize<QdrantResponse<QueryResponse>>(response, QdrantJson.Options)!;

        Assert.Equal([0.5, 0.25], parsed.Result!.Points.Select(p => p.Score));
        Assert.Equal(JsonValueKind.Number, parsed.Result.Points[0].Id.ValueKind);
    }

    [Fact]
    public async Task ErrorResponse_BecomesAnExceptionWithQdrantsReason()
    {
        using var bed = new QdrantTestBed(_qdrant.Url, "contract");
        _qdrant.CreateCollection("contract", 1024);
        await bed.Store.EnsureCollectionExistsAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => bed.Store.SearchAsync(new float[3], 3).ToListAsync().AsTask());
        Assert.Contains("3 dimensions", error.Message, StringComparison.Ordinal);
        _qdrant.FailWhen = (_, path) => path.EndsWith("/points/scroll", StringComparison.Ordinal);
        var unavailable = await Assert.ThrowsAsync<KnowledgeUnavailableException>(() => bed.Index.GetSourcesAsync(CancellationToken.None));
        Assert.Contains("500", unavailable.Message, StringComparison.Ordinal);
        Assert.Contains("failing this request on purpose", unavailable.Message, StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        _corpus.Dispose();
        await _qdrant.DisposeAsync();
    }
}
