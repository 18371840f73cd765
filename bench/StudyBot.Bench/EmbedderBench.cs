using System.Diagnostics;
using StudyBot.Knowledge.Chunking;
using StudyBot.Knowledge.Embeddings;
using StudyBot.Knowledge.Embeddings.Local;
using StudyBot.Tests;

namespace StudyBot.Bench;

/// <summary>
/// The local embedding model as the host runs it: chunks of the sample knowledge base cut at the
/// default 300 tokens, embedded one batch at a time (throughput), then the work the background
/// embedding does per chunk (its text and its passages), and the latency of embedding one question.
/// </summary>
internal static class EmbedderBench
{
    public static async Task RunAsync(string work)
    {
        var chunks = Chunks();
        var loading = Stopwatch.StartNew();
        var selection = EmbeddingGeneratorFactory.Create(new StudyBot.Core.Models.LlmOptions(), new StudyBot.Knowledge.Configuration.IndexOptions());
        var model = (LocalEmbeddingGenerator)selection.Generator;
        await model.GenerateAsync(["warm up"]);
        using (var process = Process.GetCurrentProcess())
        {
            Console.WriteLine($"local model {model.Model.Id}: loaded in {loading.Elapsed.TotalSeconds:0.00} s, process working set {process.WorkingSet64 / 1048576.0:0} MB, {Environment.ProcessorCount} cores");
        }

        var watch = Stopwatch.StartNew();
        foreach (var chunk in chunks)
        {
            await model.GenerateAsync([chunk]);
        }

        var tokens = chunks.Average(c => TokenCounter.Default.Count(c));
        Console.WriteLine($"embedder throughput: {chunks.Count / watch.Elapsed.TotalSeconds:0.0} chunks/s ({chunks.Count} chunks of {tokens:0} cl100k tokens on average, one chunk per inference)");

        // What the background embedding does per chunk: the chunk and its passages, through the content-hash cache.
        var cache = new VectorCache(Path.Combine(work, "bench-vectors.db"), selection.Id + ":bench");
        var embedder = new ChunkEmbedder(selection with { Generator = new LocalEmbeddingGenerator(model.Model) }, cache);
        var records = chunks.Select((c, i) => new StudyBot.Knowledge.Index.ChunkRecord
        {
            Key = $"bench-{i}", Source = "bench", DocumentId = "bench", Ordinal = i, Title = "Bench", Link = "bench.md", HeadingPath = "", Text = c + " " + i,
        }).ToList();
        watch.Restart();
        foreach (var batch in records.Chunk(8))
        {
            await embedder.EmbedAsync(batch, default);
        }

        Console.WriteLine($"background embedding (chunk + its passages): {records.Count / watch.Elapsed.TotalSeconds:0.0} chunks/s");

        var questions = Questions();
        var latencies = new List<double>();
        foreach (var question in questions)
        {
            var started = Stopwatch.GetTimestamp();
            await model.GenerateAsync([selection.QueryText(question)]);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        latencies.Sort();
        Console.WriteLine($"query embedding: p50 {latencies[latencies.Count / 2]:0.0} ms, p95 {latencies[(int)(latencies.Count * 0.95)]:0.0} ms ({latencies.Count} ARAGOG questions with the query instruction)");
    }

    /// <summary>The sample knowledge base cut at the default 300 tokens, the chunks of 200 tokens or more.</summary>
    public static IReadOnlyList<string> Chunks()
    {
        var chunker = new MarkdownChunker(new ChunkingOptions(), TokenCounter.Default);
        return Directory.GetFiles(TestPaths.Knowledge, "*.md")
            .Where(f => !f.EndsWith("ATTRIBUTION.md", StringComparison.Ordinal))
            .SelectMany(f => chunker.Chunk([new DocumentPart(File.ReadAllText(f))]))
            .Where(c => c.TokenCount >= 200)
            .Select(c => c.Text)
            .ToList();
    }

    /// <summary>Questions as users write them: the evaluation set's 107 (each distinct, so none comes from the cache).</summary>
    public static IReadOnlyList<string> Questions() =>
        File.ReadLines(TestPaths.Fixture("eval", "aragog", "beir", "queries.jsonl"))
            .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("text").GetString()!)
            .ToList();
}
