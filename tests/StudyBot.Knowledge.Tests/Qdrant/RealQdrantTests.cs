using StudyBot.Core.Retrieval;
using StudyBot.Tests;

namespace StudyBot.Knowledge.Tests.Qdrant;

/// <summary>The same flow as the fake-backed tests, against a real Qdrant (e.g. docker run qdrant/qdrant:v1.19.0).</summary>
public sealed class RealQdrantTests
{
    [RealQdrantFact]
    public async Task RealQdrant_IngestSearchEditRemove_BehavesAsTheFake()
    {
        var url = Environment.GetEnvironmentVariable("QDRANT_URL")!;
        var collection = "studybot-test-" + Guid.NewGuid().ToString("N")[..8];
        using var corpus = new TempFolder();
        using var bed = new QdrantTestBed(url, collection, new Dictionary<string, string?>
        {
            ["StudyBot:VectorStore:Qdrant:ApiKey"] = Environment.GetEnvironmentVariable("QDRANT_API_KEY"),
            ["StudyBot:VectorStore:Qdrant:MaxRetries"] = "2",
        });
        corpus.Write("lora.md", "# LoRA\n\nLoRA trains two low-rank matrices beside each frozen weight matrix.");
        corpus.Write("hnsw.md", "# HNSW\n\nHNSW is a graph index for approximate nearest neighbour search.");
        try
        {
            Assert.Equal(2, (await bed.IngestAsync(corpus.Path))!.Added);
            Assert.Equal("hnsw.md", (await bed.Search.SearchAsync(new KnowledgeQuery("graph index for nearest neighbours", 3, ["notes"]), CancellationToken.None))[0].DocumentId);

            corpus.Write("lora.md", "# LoRA\n\nLoRA adapters are merged into the weights after training with rank sixteen.");
            File.Delete(corpus.Combine("hnsw.md"));
            var counts = await bed.IngestAsync(corpus.Path);

            Assert.Equal((1, 1, 0), (counts!.Updated, counts.Removed, counts.Failed));
            var hits = await bed.Search.SearchAsync(new KnowledgeQuery("LoRA rank sixteen", 3), CancellationToken.None);
            Assert.Contains("rank sixteen", hits[0].Text, StringComparison.Ordinal);
            Assert.DoesNotContain(hits, h => h.DocumentId == "hnsw.md");
            Assert.Equal(new Index.IndexCounts(1, 1), await bed.Index.CountAsync(null, CancellationToken.None));
        }
        finally
        {
            using var http = new HttpClient { BaseAddress = new Uri(url.TrimEnd('/') + "/") };
            if (Environment.GetEnvironmentVariable("QDRANT_API_KEY") is { Length: > 0 } key)
            {
                http.DefaultRequestHeaders.Add("api-key", key);
            }

            await http.DeleteAsync($"collections/{collection}");
        }
    }
}
