using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StudyBot.Knowledge.Chunking;
using StudyBot.Knowledge.Configuration;
using StudyBot.Knowledge.Embeddings;
using StudyBot.Knowledge.Index.Embedded;
using StudyBot.Knowledge.Ingestion;
using StudyBot.Knowledge.Sources;
using StudyBot.Knowledge.Sources.Confluence;
using StudyBot.Knowledge.Tests.Sources.Confluence;

namespace StudyBot.Bench;

/// <summary>
/// An incremental sync of unchanged Confluence pages against the fake Confluence on loopback (the
/// tests' fake, same payload shapes), for each flavour: the requests the second run makes and its time.
/// </summary>
internal static class ConfluenceSyncBench
{
    public static async Task RunAsync(string work, HashingEmbeddingGenerator embedder, int pages)
    {
        foreach (var flavor in new[] { ConfluenceFlavor.Cloud, ConfluenceFlavor.DataCenter })
        {
            await using var fake = await FakeConfluence.StartAsync(flavor);
            var corpus = new SyntheticCorpus(pages);
            for (var i = 0; i < pages; i++)
            {
                var parent = i % 100 == 0 ? null : (1_000 + i / 100 * 100).ToString(System.Globalization.CultureInfo.InvariantCulture);
                fake.AddPage((1_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), i % 2 == 0 ? "ENG" : "OPS", $"Page {i}",
                    $"<h2>Section</h2><p>{corpus.Words(120)}</p><ul><li>{corpus.Words(20)}</li></ul>", parent);
            }

            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["StudyBot:Sources:wiki:Type"] = "Confluence",
                ["StudyBot:Sources:wiki:BaseUrl"] = fake.BaseUrl.ToString(),
                ["StudyBot:Sources:wiki:Flavor"] = flavor.ToString(),
                ["StudyBot:Sources:wiki:Email"] = FakeConfluence.Email,
                ["StudyBot:Sources:wiki:ApiToken"] = FakeConfluence.ApiToken,
                ["StudyBot:Sources:wiki:PersonalAccessToken"] = FakeConfluence.PersonalAccessToken,
                ["StudyBot:Sources:wiki:SpaceKeys:0"] = "ENG",
                ["StudyBot:Sources:wiki:SpaceKeys:1"] = "OPS",
            }).Build();
            await using var services = new ServiceCollection().AddConfluenceHttpClients(configuration).BuildServiceProvider();
            var options = configuration.GetSection(KnowledgeOptions.SectionName).Get<KnowledgeOptions>()!;
            var source = new SourceCatalog(Options.Create(options), services.GetRequiredService<IHttpClientFactory>(), TimeProvider.System).Find("wiki")!;

            using var store = new EmbeddedChunkStore(Path.Combine(work, $"confluence-{flavor}.db"),
                HashingEmbeddingGenerator.IdFor(HashingEmbeddingGenerator.DefaultDimensions), HashingEmbeddingGenerator.DefaultDimensions);
            await store.EnsureCollectionExistsAsync();
            var selection = new EmbedderSelection(embedder, HashingEmbeddingGenerator.IdFor(HashingEmbeddingGenerator.DefaultDimensions), HashingEmbeddingGenerator.DefaultDimensions);
            var chunks = new ChunkEmbedder(selection, new VectorCache(Path.Combine(work, $"confluence-{flavor}-vectors.db"), selection.Id));
            var pipeline = new IngestionPipeline(store, chunks, new MarkdownChunker(new ChunkingOptions(), TokenCounter.Default), TimeProvider.System, NullLogger<IngestionPipeline>.Instance);

            var full = Stopwatch.StartNew();
            var first = (await pipeline.RunAsync(source, default)).Counts;
            full.Stop();
            var fullRequests = fake.Requests.Count;
            fake.ClearRequests();
            var watch = Stopwatch.StartNew();
            var counts = (await pipeline.RunAsync(source, default)).Counts;
            watch.Stop();
            var requests = fake.Requests;
            var fetches = requests.Count(r => r.Path.Contains("/api/v2/pages/", StringComparison.Ordinal)
                || (r.Path.Contains("/rest/api/content/", StringComparison.Ordinal) && !r.Path.EndsWith("/search", StringComparison.Ordinal)));
            Console.WriteLine(
                $"Confluence {flavor} incremental sync of {counts!.Unchanged:N0} unchanged pages: {requests.Count} requests " +
                $"({requests.Count - fetches} listing, {fetches} page fetches) in {watch.Elapsed.TotalSeconds:0.00} s " +
                $"(first full sync: {first!.Added:N0} pages, {fullRequests} requests, {full.Elapsed.TotalSeconds:0.00} s)");
        }
    }
}
