using StudyBot.Core.Ingestion;
using StudyBot.Core.Retrieval;
using StudyBot.Knowledge.Sources.Files;
using StudyBot.Tests;

namespace StudyBot.Knowledge.Tests;

public sealed class IngestionPipelineTests : IDisposable
{
    private readonly KnowledgeTestBed _bed = new();
    private readonly TempFolder _corpus = new();
    private readonly FilesSource _source;

    public IngestionPipelineTests()
    {
        _corpus.Write("lora.md", "# LoRA\n\nLoRA trains two low-rank matrices beside each frozen weight matrix.");
        _corpus.Write("hnsw.md", "# HNSW\n\nHNSW is a graph index for approximate nearest neighbour search.");
        _corpus.Write("notes/kubeflow.txt", "Kubeflow Pipelines compiles Python functions into container steps.");
        _source = new FilesSource("handbook", _corpus.Path);
    }

    private Task<IngestionCounts> RunAsync() => _bed.RunAsync(_source);

    private async Task<IReadOnlyList<RetrievedChunk>> SearchAsync(string text) =>
        await _bed.Retriever.SearchAsync(new KnowledgeQuery(text, 3), CancellationToken.None);

    [Fact]
    public async Task Run_FirstTime_IndexesEveryDocument()
    {
        var counts = await RunAsync();

        Assert.Equal((3, 0, 0, 0, 0), (counts.Added, counts.Updated, counts.Unchanged, counts.Removed, counts.Failed));
        Assert.Equal("notes/kubeflow.txt", (await SearchAsync("Kubeflow container steps"))[0].DocumentId);
    }

    [Fact]
    public async Task Run_Unchanged_SkipsEveryDocumentByHash()
    {
        await RunAsync();

        var counts = await RunAsync();

        Assert.Equal((0, 0, 3), (counts.Added, counts.Updated, counts.Unchanged));
    }

    [Fact]
    public async Task Run_EditedDocument_ReplacesItsChunks()
    {
        await RunAsync();
        _corpus.Write("lora.md", "# LoRA\n\nLoRA adapters are merged into the weights after training with rank sixteen.");

        var counts = await RunAsync();

        Assert.Equal((0, 1, 2), (counts.Added, counts.Updated, counts.Unchanged));
        var hits = await SearchAsync("LoRA merged rank sixteen");
        Assert.Contains("rank sixteen", hits[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(hits, h => h.Text.Contains("beside each frozen", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_DeletedDocument_IsRemovedFromTheIndex()
    {
        await RunAsync();
        File.Delete(_corpus.Combine("hnsw.md"));

        var counts = await RunAsync();

        Assert.Equal(1, counts.Removed);
        Assert.DoesNotContain(await SearchAsync("HNSW graph nearest neighbour"), h => h.DocumentId == "hnsw.md");
        Assert.Equal(2, (await _bed.Store.CountAsync("handbook", CancellationToken.None)).Documents);
    }

    [Fact]
    public async Task Run_UnreadableDocument_IsListedWhileTheRestIsIndexedAndItsOldVersionServes()
    {
        await RunAsync();
        File.WriteAllBytes(_corpus.Combine("lora.md"), [0x23, 0x20, 0xFF, 0xFE, 0xC3, 0x28]);
        _corpus.Write("new.md", "# Evaluation\n\nGolden sets catch regressions before release.");

        var counts = await RunAsync();

        Assert.Equal((1, 1), (counts.Added, counts.Failed));
        var error = Assert.Single(_bed.LastResult!.Errors);
        Assert.Equal("lora.md", error.Document);
        Assert.Contains("UTF-8", error.Error, StringComparison.Ordinal);
        Assert.Equal("lora.md", (await SearchAsync("LoRA low-rank matrices frozen weight"))[0].DocumentId);
    }

    [Fact]
    public async Task Run_MissingFolder_FailsTheRunAndKeepsTheIndex()
    {
        await RunAsync();
        var gone = new FilesSource("handbook", _corpus.Combine("does-not-exist"));

        var counts = await _bed.RunAsync(gone);

        Assert.Equal(0, counts.Removed);
        Assert.Contains("does not exist", _bed.LastResult!.Failure, StringComparison.Ordinal);
        Assert.Equal(3, (await _bed.Store.CountAsync("handbook", CancellationToken.None)).Documents);
    }

    [Fact]
    public async Task Store_Reopened_ServesWithoutReingesting()
    {
        await RunAsync();
        _bed.Store.Dispose();

        using var reopened = _bed.OpenStore();
        await reopened.EnsureCollectionExistsAsync();
        var retriever = _bed.NewRetriever(reopened);

        var hits = await retriever.SearchAsync(new KnowledgeQuery("HNSW graph index", 1), CancellationToken.None);
        Assert.Equal("hnsw.md", Assert.Single(hits).DocumentId);
    }

    [Fact]
    public async Task Run_EmbeddedStore_ServesByWordsAtOnceAndByMeaningOnceTheBackgroundEmbeddingIsDone()
    {
        await _bed.Store.EnsureCollectionExistsAsync();
        await _bed.Pipeline.RunAsync(_source, CancellationToken.None);

        Assert.Equal(0, _bed.Store.Vectors.Embedded);
        Assert.Equal("hnsw.md", (await SearchAsync("graph index nearest neighbour"))[0].DocumentId);

        await _bed.Backfill.CompleteAsync(CancellationToken.None);

        Assert.Equal(_bed.Store.Vectors.Chunks, _bed.Store.Vectors.Embedded);
        Assert.Equal((_bed.Store.Vectors.Chunks, _bed.Store.Vectors.Chunks), (_bed.Backfill.Progress!.Chunks, _bed.Backfill.Progress.Embedded));
    }

    [Fact]
    public async Task Run_ChangedDocumentWithUnchangedParagraphs_EmbedsOnlyTheNewText()
    {
        _corpus.Write("lora.md", "# LoRA\n\nLoRA trains two low-rank matrices beside each frozen weight matrix.\n\n## Rank\n\nThe rank sets the capacity of the update.");
        await RunAsync();
        var before = _bed.EmbeddedTexts;

        _corpus.Write("lora.md", "# LoRA\n\nLoRA trains two low-rank matrices beside each frozen weight matrix.\n\n## Rank\n\nTypical ranks are 8 to 64.");
        await RunAsync();

        // The new section's chunk and its one sentence; the unchanged first chunk comes from the content-hash cache.
        Assert.Equal(2, _bed.EmbeddedTexts - before);
        Assert.Equal(_bed.Store.Vectors.Chunks, _bed.Store.Vectors.Embedded);
    }

    [Fact]
    public async Task Store_Reopened_HasEveryVectorAndComputesNone()
    {
        await RunAsync();
        var embedded = _bed.EmbeddedTexts;
        _bed.Store.Dispose();

        using var reopened = _bed.OpenStore();
        await reopened.EnsureCollectionExistsAsync();

        Assert.Equal(reopened.Vectors.Chunks, reopened.Vectors.Embedded);
        Assert.Empty(await reopened.GetChunksWithoutVectorsAsync(10, CancellationToken.None));
        Assert.Equal(embedded, _bed.EmbeddedTexts);
    }

    public void Dispose()
    {
        _bed.Dispose();
        _corpus.Dispose();
    }
}
