using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.VectorData;
using StudyBot.Bench;
using StudyBot.Knowledge.Tests.Sources.Notion.Fake;
using StudyBot.Knowledge.Chunking;
using StudyBot.Knowledge.Embeddings;
using StudyBot.Knowledge.Index;
using StudyBot.Knowledge.Configuration;
using StudyBot.Knowledge.Index.Embedded;
using StudyBot.Knowledge.Ingestion;
using StudyBot.Knowledge.Sources;
using StudyBot.Knowledge.Sources.Files;
using StudyBot.Knowledge.Sources.Notion;
using StudyBot.Knowledge.Sources.Pdf;

// Prints the figures the README and closing notes quote. Run in Release:
//   dotnet run -c Release --project bench/StudyBot.Bench [-- embedder|int8|retrieval|pdf|markdown|noop|notion-sync|confluence-sync]
const int RetrievalDimensions = 384;
var only = args.FirstOrDefault();
var work = Path.Combine(Path.GetTempPath(), "studybot-bench-" + Environment.ProcessId);
Directory.CreateDirectory(work);
var embedder = new HashingEmbeddingGenerator();
// Retrieval runs at the local model's vector size; its synthetic vectors come from feature hashing (embedding 100k chunks with the model would take hours).
var vectors = new HashingEmbeddingGenerator(RetrievalDimensions);
try
{
    if (only is null or "embedder")
    {
        await EmbedderBench.RunAsync(work);
    }

    if (only is "int8")
    {
        Int8Bench.Run();
    }

    if (only is null or "retrieval")
    {
        await RetrievalAsync(100_000, measureMemory: true);
        await RetrievalAsync(10_000, measureMemory: false);
    }

    if (only is null or "pdf")
    {
        await PdfPagesAsync();
    }

    if (only is null or "markdown")
    {
        await MarkdownAsync(2_000);
    }

    if (only is null or "noop")
    {
        await NoOpReindexAsync(10_000);
    }

    if (only is null or "notion-sync")
    {
        await NotionSyncAsync(1_000);
    }

    if (only is "confluence-sync")
    {
        await ConfluenceSyncBench.RunAsync(work, embedder, 1_000);
    }
}
finally
{
    Directory.Delete(work, recursive: true);
}

async Task RetrievalAsync(int chunks, bool measureMemory)
{
    var corpus = new SyntheticCorpus(chunks);
    var path = Path.Combine(work, $"retrieval-{chunks}.db");
    using var store = new EmbeddedChunkStore(path, HashingEmbeddingGenerator.IdFor(RetrievalDimensions), RetrievalDimensions);
    await store.EnsureCollectionExistsAsync();
    var build = Stopwatch.StartNew();
    const int perDocument = 10;
    for (var d = 0; d < chunks / perDocument; d++)
    {
        var records = Enumerable.Range(0, perDocument).Select(i =>
        {
            var text = corpus.Words(120);
            return new ChunkRecord
            {
                Key = ChunkKey.For("bench", $"doc-{d}", i), Source = "bench", DocumentId = $"doc-{d}", Ordinal = i,
                Title = $"Document {d}", Link = $"doc-{d}.md", HeadingPath = "", Text = text, Embedding = vectors.Embed(text),
            };
        }).ToList();
        await store.ReplaceDocumentAsync(new IndexedDocument("bench", $"doc-{d}", "", "", "h", default, default, perDocument), records, default);
    }

    Console.WriteLine($"index of {chunks:N0} chunks built in {build.Elapsed.TotalSeconds:0.0} s");
    if (measureMemory)
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"memory at {chunks:N0} chunks: working set {process.WorkingSet64 / 1048576.0:0} MB, managed heap {GC.GetTotalMemory(false) / 1048576.0:0} MB");
    }

    var queries = Enumerable.Range(0, 300).Select(i => new SyntheticCorpus(1_000_000 + i).Words(5)).ToList();
    var latencies = new List<double>();
    for (var i = 0; i < queries.Count; i++)
    {
        var watch = Stopwatch.StartNew();
        var vector = vectors.Embed(queries[i]);
        var count = 0;
        await foreach (var _ in store.HybridSearchAsync(vector, queries[i].Split(' '), 10, new HybridSearchOptions<ChunkRecord>()))
        {
            count++;
        }

        if (i >= 20)
        {
            latencies.Add(watch.Elapsed.TotalMilliseconds);
        }
    }

    var dense = new List<double>();
    foreach (var query in queries.Skip(20))
    {
        var watch = Stopwatch.StartNew();
        await foreach (var _ in store.SearchAsync(vectors.Embed(query), 10))
        {
        }

        dense.Add(watch.Elapsed.TotalMilliseconds);
    }

    dense.Sort();
    Console.WriteLine($"dense-only top-10 at {chunks:N0} chunks: p50 {Percentile(dense, 0.50):0.00} ms");
    latencies.Sort();
    Console.WriteLine($"hybrid top-10 at {chunks:N0} chunks ({RetrievalDimensions} dimensions): p50 {Percentile(latencies, 0.50):0.00} ms, p95 {Percentile(latencies, 0.95):0.00} ms ({latencies.Count} queries, dense + BM25 + RRF + SQLite fetch; the query's embedding is the embedder figure)");
}

async Task PdfPagesAsync()
{
    // Eight copies of the 27-page two-column LLaMA paper, ingested end to end (parse, chunk, embed, store).
    var paper = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../knowledge/papers/llama-open-efficient-foundation-language-models.pdf"));
    var folder = Path.Combine(work, "pdf");
    Directory.CreateDirectory(folder);
    for (var i = 0; i < 8; i++)
    {
        File.Copy(paper, Path.Combine(folder, $"paper-{i}.pdf"));
    }

    PdfReader.Read(File.ReadAllBytes(paper)); // warm-up: JIT and font caches, as in a running server
    var (pipeline, store, source) = Pipeline(folder, "pdf");
    using (store)
    {
        var watch = Stopwatch.StartNew();
        var counts = (await pipeline.RunAsync(source, default)).Counts;
        var pages = PdfReader.Read(File.ReadAllBytes(paper)).Pages.Count * counts.Added;
        Console.WriteLine($"PDF ingestion: {pages / watch.Elapsed.TotalSeconds:0} pages/s ({pages} pages of a two-column paper: parse, chunk, embed, store)");
    }
}

async Task MarkdownAsync(int documents)
{
    var folder = WriteCorpus("markdown", documents);
    var (pipeline, store, source) = Pipeline(folder, "markdown");
    using (store)
    {
        var watch = Stopwatch.StartNew();
        var counts = (await pipeline.RunAsync(source, default)).Counts;
        Console.WriteLine($"Markdown ingestion: {counts.Added / watch.Elapsed.TotalSeconds:0} documents/s ({counts.Added} documents of ~600 words: read, chunk, embed, store)");
    }
}

async Task NoOpReindexAsync(int documents)
{
    var folder = WriteCorpus("noop", documents);
    var (pipeline, store, source) = Pipeline(folder, "noop");
    using (store)
    {
        await pipeline.RunAsync(source, default);
        var watch = Stopwatch.StartNew();
        var counts = (await pipeline.RunAsync(source, default)).Counts;
        Console.WriteLine($"no-op re-index of {counts.Unchanged:N0} unchanged documents: {watch.Elapsed.TotalSeconds:0.00} s");
    }
}

async Task NotionSyncAsync(int pages)
{
    await using var notion = await FakeNotionServer.StartAsync();
    var corpus = new SyntheticCorpus(pages);
    for (var i = 0; i < pages; i++)
    {
        var page = notion.AddPage($"Runbook {i}");
        notion.SetChildren(page, [FakeNotionServer.Heading(2, corpus.Words(3)), FakeNotionServer.Paragraph(corpus.Words(150))]);
    }

    var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["StudyBot:Sources:notion:Type"] = "Notion", ["StudyBot:Sources:notion:BaseUrl"] = notion.BaseUrl, ["StudyBot:Sources:notion:Token"] = FakeNotionServer.Token,
    }).Build();
    var services = new ServiceCollection().AddSingleton(TimeProvider.System);
    services.AddOptions<KnowledgeOptions>().Bind(configuration.GetSection(KnowledgeOptions.SectionName));
    services.AddNotionClients(configuration).AddSingleton<SourceCatalog>();
    await using var provider = services.BuildServiceProvider();
    var source = provider.GetRequiredService<SourceCatalog>().Find("notion")!;

    var (pipeline, store, _) = Pipeline(work, "notion");
    using (store)
    {
        // The first sync reads every page; at Notion's three requests per second that takes minutes, so it runs unpaced.
        using var unpaced = new HttpClient();
        NotionSources.Configure(unpaced, provider.GetRequiredService<IOptions<KnowledgeOptions>>().Value.Sources["notion"]);
        var first = (await pipeline.RunAsync(new NotionSource("notion", new SourceOptions(), () => unpaced, TimeProvider.System), default)).Counts;
        notion.ClearRequests();

        var watch = Stopwatch.StartNew();
        var counts = (await pipeline.RunAsync(source, default)).Counts;
        var requests = notion.Requests.GroupBy(r => string.Join('/', r.Split('/').Take(3))).Select(g => $"{g.Count()} {g.Key}");
        Console.WriteLine($"Notion incremental sync of {counts.Unchanged:N0} unchanged pages (first sync indexed {first.Added:N0}): " +
                          $"{notion.Requests.Count} requests ({string.Join(", ", requests)}), {watch.Elapsed.TotalSeconds:0.00} s, paced at {NotionSources.RequestsPerSecond} requests/s");
    }
}

string WriteCorpus(string name, int documents)
{
    var folder = Path.Combine(work, name);
    var corpus = new SyntheticCorpus(documents);
    for (var i = 0; i < documents; i++)
    {
        var sub = Path.Combine(folder, $"part-{i / 500}");
        Directory.CreateDirectory(sub);
        File.WriteAllText(Path.Combine(sub, $"note-{i}.md"), corpus.Markdown(4, 150));
    }

    return folder;
}

(IngestionPipeline, EmbeddedChunkStore, FilesSource) Pipeline(string folder, string name)
{
    var store = new EmbeddedChunkStore(Path.Combine(work, name + ".db"), HashingEmbeddingGenerator.IdFor(HashingEmbeddingGenerator.DefaultDimensions), HashingEmbeddingGenerator.DefaultDimensions);
    store.EnsureCollectionExistsAsync().GetAwaiter().GetResult();
    var pipeline = new IngestionPipeline(store, HashingChunks(work, name), new MarkdownChunker(new ChunkingOptions(), TokenCounter.Default),
        TimeProvider.System, NullLogger<IngestionPipeline>.Instance);
    return (pipeline, store, new FilesSource(name, folder));
}

static ChunkEmbedder HashingChunks(string work, string name)
{
    var selection = new EmbedderSelection(new HashingEmbeddingGenerator(), HashingEmbeddingGenerator.IdFor(HashingEmbeddingGenerator.DefaultDimensions), HashingEmbeddingGenerator.DefaultDimensions);
    return new ChunkEmbedder(selection, new VectorCache(Path.Combine(work, name + "-vectors.db"), selection.Id));
}

static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];
