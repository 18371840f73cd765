using StudyBot.Core.Retrieval;
using StudyBot.Knowledge.Index;
using StudyBot.Knowledge.Index.Qdrant;
using StudyBot.Knowledge.Tests.Qdrant.Fake;
using StudyBot.Tests;

namespace StudyBot.Knowledge.Tests.Qdrant;

/// <summary>The Qdrant store through the host's wiring, against the fake Qdrant on loopback.</summary>
public sealed class QdrantChunkStoreTests : IAsyncLifetime
{
    private readonly TempFolder _corpus = new();
    private FakeQdrant _qdrant = null!;
    private QdrantTestBed _bed = null!;

    public async Task InitializeAsync()
    {
        _qdrant = await FakeQdrant.StartAsync(QdrantTestBed.ApiKey);
        _bed = new QdrantTestBed(_qdrant.Url, "handbook", new Dictionary<string, string?> { ["StudyBot:VectorStore:Qdrant:BatchSize"] = "2" });
        _corpus.Write("lora.md", "# LoRA\n\nLoRA trains two low-rank matrices beside each frozen weight matrix.");
        _corpus.Write("hnsw.md", "# HNSW\n\nHNSW is a graph index for approximate nearest neighbour search.");
        _corpus.Write("notes/kubeflow.txt", "Kubeflow Pipelines compiles Python functions into container steps.");
    }

    private async Task<IReadOnlyList<RetrievedChunk>> SearchAsync(string text, params string[] sources) =>
        await _bed.Search.SearchAsync(new KnowledgeQuery(text, 3, sources), CancellationToken.None);

    [Fact]
    public async Task EnsureCollection_New_CreatesDenseCosineSparseIdfAndPayloadIndexes()
    {
        await _bed.Store.EnsureCollectionExistsAsync();

        var collection = _qdrant.Collection("handbook")!;
        Assert.Equal(1024, collection.Dense["dense"]!["size"]!.GetValue<int>());
        Assert.Equal("Cosine", collection.Dense["dense"]!["distance"]!.GetValue<string>());
        Assert.Equal("idf", collection.Sparse["text"]!["modifier"]!.GetValue<string>());
        Assert.Equal("keyword", collection.PayloadIndexes["source"]);
        Assert.Equal("keyword", collection.PayloadIndexes["document_id"]);
        Assert.Empty(_qdrant.SchemaErrors);
    }

    [Fact]
    public async Task EnsureCollection_OtherVectorSize_IsAClearError()
    {
        _qdrant.CreateCollection("handbook", 384);

        var error = await Assert.ThrowsAsync<QdrantCollectionMismatchException>(() => _bed.Store.EnsureCollectionExistsAsync());

        Assert.Contains("holds 384-dimension vectors but the embedder 'hashing-v2-1024' makes 1024", error.Message, StringComparison.Ordinal);
        Assert.Contains("StudyBot:VectorStore:Qdrant:Collection", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_ThenSearch_FindsTheDocumentWithItsCitationFields()
    {
        var counts = await _bed.IngestAsync(_corpus.Path);

        Assert.Empty(_qdrant.SchemaErrors);
        Assert.Null(_bed.LastResult!.Failure);
        Assert.Equal((3, 0), (counts!.Added, counts.Failed));
        var hit = (await SearchAsync("Kubeflow container steps"))[0];
        Assert.Equal(("notes", "notes/kubeflow.txt", "notes/kubeflow.txt"), (hit.Source, hit.DocumentId, hit.Link));
        Assert.Contains("compiles Python functions", hit.Text, StringComparison.Ordinal);
        Assert.True(hit.Score > 0);
        Assert.Equal(new IndexCounts(3, 3), await _bed.Index.CountAsync("notes", CancellationToken.None));
        Assert.Empty(_qdrant.SchemaErrors);
    }

    [Fact]
    public async Task Ingest_Again_SkipsUnchangedDocumentsByTheHashesStoredInQdrant()
    {
        await _bed.IngestAsync(_corpus.Path);

        var counts = await _bed.IngestAsync(_corpus.Path);

        Assert.Equal((0, 0, 3), (counts!.Added, counts.Updated, counts.Unchanged));
        Assert.Equal(["hnsw.md", "lora.md", "notes/kubeflow.txt"], (await _bed.Index.GetDocumentsAsync("notes", CancellationToken.None)).Keys.Order());
    }

    [Fact]
    public async Task Search_SourceFilter_ReturnsOnlyThatSource()
    {
        await _bed.IngestAsync(_corpus.Path, "notes");
        var other = new TempFolder();
        other.Write("hnsw-too.md", "# HNSW\n\nHNSW graphs trade memory for recall in nearest neighbour search.");
        await _bed.IngestAsync(other.Path, "wiki");

        var hits = await SearchAsync("HNSW nearest neighbour search", "wiki");

        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.Equal("wiki", h.Source));
        Assert.Equal(["notes", "wiki"], await _bed.Index.GetSourcesAsync(CancellationToken.None));
        other.Dispose();
    }

    [Fact]
    public async Task Search_IsOneQueryCallWhoseResultWeighsEachTermByHowFewFoundChunksHoldIt()
    {
        await _bed.IngestAsync(_corpus.Path);
        var before = _qdrant.Calls.Count;

        var hits = await _bed.Search.SearchAsync(new KnowledgeQuery("which graph index holds zebra", 3), CancellationToken.None);

        Assert.Equal("hnsw.md", hits[0].DocumentId);
        var call = Assert.Single(_qdrant.Calls.Skip(before));
        Assert.EndsWith("/points/query", call.Path, StringComparison.Ordinal);
        // "graph" is in one chunk found, "zebra" in none: the rarer term weighs more.
        Assert.True(hits.TermWeights["zebra"] > hits.TermWeights["graph"], string.Join(", ", hits.TermWeights));
        Assert.True(hits.TermWeights["graph"] > 0);
    }

    [Fact]
    public async Task ReplaceDocument_ManyChunks_UpsertsInBatchesThatWaitThenSwapsInOneBatchRequest()
    {
        _corpus.Write("long.md", "# Long\n\n" + string.Join("\n\n", Enumerable.Range(0, 5).Select(i =>
            $"## Part {i}\n\n" + string.Join(' ', Enumerable.Repeat($"Paragraph {i} explains quantisation of adapters in section {i}.", 12)))));

        await _bed.IngestAsync(_corpus.Path);

        var upserts = _qdrant.Calls.Where(c => c is { Method: "PUT", Path: "/collections/{collection_name}/points" }).ToList();
        var chunks = (await _bed.Index.GetDocumentsAsync("notes", CancellationToken.None))["long.md"].ChunkCount;
        Assert.True(chunks >= 5);
        Assert.Equal(3 + (chunks + 1) / 2, upserts.Count);
        Assert.All(upserts, c => Assert.Contains("wait=true", c.Query, StringComparison.Ordinal));
        Assert.Equal(4, _qdrant.Calls.Count(c => c.Path.EndsWith("/points/batch", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ReplaceDocument_EditedFile_OldChunksAreGone()
    {
        await _bed.IngestAsync(_corpus.Path);
        _corpus.Write("lora.md", "# LoRA\n\nLoRA adapters are merged into the weights after training with rank sixteen.");

        var counts = await _bed.IngestAsync(_corpus.Path);

        Assert.Equal((1, 2), (counts!.Updated, counts.Unchanged));
        var hits = await SearchAsync("LoRA merged rank sixteen");
        Assert.Contains("rank sixteen", hits[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(hits, h => h.Text.Contains("beside each frozen", StringComparison.Ordinal));
        Assert.Equal(1, _qdrant.Collection("handbook")!.Points.Values.Count(p => p.Payload["document_id"]!.GetValue<string>() == "lora.md" && p.Payload["kind"]!.GetValue<string>() == "chunk"));
    }

    [Fact]
    public async Task ReplaceDocument_QdrantFailsMidWrite_OldVersionKeepsServingAndTheRunFails()
    {
        await _bed.IngestAsync(_corpus.Path);
        _corpus.Write("lora.md", "# LoRA\n\nLoRA adapters are merged into the weights after training with rank sixteen.");
        _qdrant.FailWhen = (method, path) => path.EndsWith("/points/batch", StringComparison.Ordinal);

        var counts = await _bed.IngestAsync(_corpus.Path);
        _qdrant.FailWhen = null;

        Assert.Equal(0, counts!.Updated);
        Assert.Contains("not available", _bed.LastResult!.Failure, StringComparison.Ordinal);
        var hits = await SearchAsync("LoRA low-rank matrices frozen weight");
        Assert.Contains("beside each frozen", hits[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(hits, h => h.Text.Contains("rank sixteen", StringComparison.Ordinal));

        var retry = await _bed.IngestAsync(_corpus.Path);

        Assert.Equal(1, retry!.Updated);
        Assert.Contains("rank sixteen", (await SearchAsync("LoRA merged rank sixteen"))[0].Text, StringComparison.Ordinal);
        Assert.Equal(1, _qdrant.Collection("handbook")!.Points.Values.Count(p => p.Payload["document_id"]!.GetValue<string>() == "lora.md" && p.Payload["kind"]!.GetValue<string>() == "chunk"));
    }

    [Fact]
    public async Task RemovedFile_IsDeletedByDocumentFilter()
    {
        await _bed.IngestAsync(_corpus.Path);
        File.Delete(_corpus.Combine("hnsw.md"));

        var counts = await _bed.IngestAsync(_corpus.Path);

        Assert.Equal(1, counts!.Removed);
        Assert.DoesNotContain(await SearchAsync("HNSW graph index"), h => h.DocumentId == "hnsw.md");
        Assert.Equal(new IndexCounts(2, 2), await _bed.Index.CountAsync(null, CancellationToken.None));
    }

    [Fact]
    public async Task Search_QdrantDown_IsKnowledgeUnavailableAndReadinessSaysWhy()
    {
        await _bed.IngestAsync(_corpus.Path);
        await _qdrant.DisposeAsync();

        await Assert.ThrowsAsync<KnowledgeUnavailableException>(() => SearchAsync("HNSW"));
        var readiness = await _bed.Store.CheckAsync(CancellationToken.None);
        Assert.False(readiness.Ready);
        Assert.Contains("unreachable", readiness.Detail, StringComparison.Ordinal);
        _qdrant = await FakeQdrant.StartAsync();
    }

    [Fact]
    public async Task Requests_WrongApiKey_AreRefusedAsUnavailable()
    {
        using var bed = new QdrantTestBed(_qdrant.Url, "handbook", new Dictionary<string, string?> { ["StudyBot:VectorStore:Qdrant:ApiKey"] = "wrong" });

        var error = await Assert.ThrowsAsync<KnowledgeUnavailableException>(() => bed.Store.EnsureCollectionExistsAsync());

        Assert.Contains("401", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong", error.Message, StringComparison.Ordinal);
        Assert.All(_qdrant.Calls, c => Assert.Equal(401, c.Status));
    }

    [Fact]
    public async Task Requests_TransientFailures_AreRetried()
    {
        using var bed = new QdrantTestBed(_qdrant.Url, "handbook", new Dictionary<string, string?> { ["StudyBot:VectorStore:Qdrant:MaxRetries"] = "3" });
        var failures = 2;
        _qdrant.FailWhen = (method, path) => Interlocked.Decrement(ref failures) >= 0;

        await bed.Store.EnsureCollectionExistsAsync();

        Assert.Equal([500, 500, 200], _qdrant.Calls.Take(3).Select(c => c.Status));
        Assert.NotNull(_qdrant.Collection("handbook"));
    }

    public async Task DisposeAsync()
    {
        _bed.Dispose();
        _corpus.Dispose();
        await _qdrant.DisposeAsync();
    }
}
