using Microsoft.Extensions.VectorData;
using StudyBot.Knowledge.Index;

namespace StudyBot.Knowledge.Tests;

public sealed class EmbeddedChunkStoreTests : IDisposable
{
    private readonly KnowledgeTestBed _bed = new();

    private async Task IndexAsync(string source, string document, string version, int chunks)
    {
        var records = new List<ChunkRecord>();
        for (var i = 0; i < chunks; i++)
        {
            var text = $"Version {version} paragraph {i} about vector search recall.";
            records.Add(new ChunkRecord
            {
                Key = ChunkKey.For(source, document, i), Source = source, DocumentId = document, Ordinal = i,
                Title = document, Link = document, HeadingPath = "", Text = text, Embedding = _bed.Embedder.Embed(text),
            });
        }

        await _bed.Store.ReplaceDocumentAsync(
            new IndexedDocument(source, document, document, document, version, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, chunks),
            records, CancellationToken.None);
    }

    private async Task IndexTextAsync(string document, string text, bool embedded)
    {
        var record = new ChunkRecord
        {
            Key = ChunkKey.For("wiki", document, 0), Source = "wiki", DocumentId = document, Ordinal = 0,
            Title = document, Link = document, HeadingPath = "", Text = text, Embedding = embedded ? _bed.Embedder.Embed(text) : ReadOnlyMemory<float>.Empty,
        };
        await _bed.Store.ReplaceDocumentAsync(
            new IndexedDocument("wiki", document, document, document, "1", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 1), [record], CancellationToken.None);
    }

    private async Task<List<ChunkRecord>> HybridAsync(string query, int top, HybridSearchOptions<ChunkRecord>? options = null)
    {
        var results = new List<ChunkRecord>();
        await foreach (var r in _bed.Store.HybridSearchAsync(_bed.Embedder.Embed(query), query.Split(' '), top, options))
        {
            results.Add(r.Record);
        }

        return results;
    }

    [Fact]
    public async Task HybridSearch_SourceFilter_ReturnsOnlyThatSource()
    {
        await _bed.Store.EnsureCollectionExistsAsync();
        await IndexAsync("wiki", "a", "1", 3);
        await IndexAsync("notion", "b", "1", 3);
        var wanted = new List<string> { "notion" };

        var results = await HybridAsync("vector search recall", 10, new HybridSearchOptions<ChunkRecord> { Filter = r => wanted.Contains(r.Source) });

        Assert.Equal(3, results.Count);
        Assert.All(results, r => Assert.Equal("notion", r.Source));
    }

    [Fact]
    public async Task HybridSearch_BestMatchByWordsStillWithoutItsVector_RanksAboveChunksEmbeddedFirst()
    {
        await _bed.Store.EnsureCollectionExistsAsync();
        await IndexTextAsync("mrr", "MRR (mean reciprocal rank) is the average of one over the rank of the first relevant result.", embedded: true);
        await IndexTextAsync("rrf", "Reciprocal rank fusion merges ranked lists: each item scores one over k plus its rank in each list.", embedded: false);

        var results = await HybridAsync("reciprocal rank fusion", 2);

        Assert.Equal(["rrf", "mrr"], results.Select(r => r.DocumentId));
    }

    [Fact]
    public async Task HybridSearch_UnsupportedFilter_IsRefusedNotIgnored()
    {
        await _bed.Store.EnsureCollectionExistsAsync();
        await IndexAsync("wiki", "a", "1", 1);

        await Assert.ThrowsAsync<NotSupportedException>(() =>
            HybridAsync("vector", 5, new HybridSearchOptions<ChunkRecord> { Filter = r => r.Ordinal > 2 }));
    }

    [Fact]
    public async Task ReplaceDocument_WhileSearching_ReadersNeverSeeHalfADocument()
    {
        await _bed.Store.EnsureCollectionExistsAsync();
        await IndexAsync("wiki", "doc", "A", 8);
        using var stop = new CancellationTokenSource();
        var mixed = 0;
        var reader = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var versions = (await HybridAsync("version paragraph vector search recall", 20)).Select(r => r.Text.Split(' ')[1]).Distinct().Count();
                if (versions > 1)
                {
                    Interlocked.Increment(ref mixed);
                }
            }
        });

        for (var i = 0; i < 60; i++)
        {
            await IndexAsync("wiki", "doc", i % 2 == 0 ? "B" : "A", 8);
        }

        await stop.CancelAsync();
        await reader;
        Assert.Equal(0, mixed);
    }

    [Fact]
    public async Task RemoveDocument_DropsItsChunksFromBothRankings()
    {
        await _bed.Store.EnsureCollectionExistsAsync();
        await IndexAsync("wiki", "gone", "1", 2);
        await IndexAsync("wiki", "kept", "1", 2);

        await _bed.Store.RemoveDocumentAsync("wiki", "gone", CancellationToken.None);

        Assert.All(await HybridAsync("vector search recall", 10), r => Assert.Equal("kept", r.DocumentId));
        Assert.Equal(new IndexCounts(1, 2), await _bed.Store.CountAsync("wiki", CancellationToken.None));
    }

    public void Dispose() => _bed.Dispose();
}
