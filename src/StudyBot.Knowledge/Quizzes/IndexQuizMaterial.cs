using Microsoft.Extensions.VectorData;
using StudyBot.Core.Quizzes;
using StudyBot.Core.Retrieval;
using StudyBot.Knowledge.Index;

namespace StudyBot.Knowledge.Quizzes;

/// <summary>Quiz material from the index: topic chunks by hybrid search, whole-base spreads and changed documents by listing.</summary>
public sealed class IndexQuizMaterial(
    IKnowledgeSearch search,
    IDocumentIndex index,
    VectorStoreCollection<string, ChunkRecord> chunks)
{
    public async Task<IReadOnlyList<RetrievedChunk>> FindAsync(string? topic, int max, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(topic))
        {
            return await search.SearchAsync(new KnowledgeQuery(topic, max), cancellationToken);
        }

        var documents = await DocumentsAsync(cancellationToken);
        // Round-robin over shuffled documents: a whole-base quiz samples many pages, differently each time.
        var keys = new List<string>();
        var shuffled = documents.ToArray();
        Random.Shared.Shuffle(shuffled);
        for (var ordinal = 0; keys.Count < max && shuffled.Any(d => d.ChunkCount > ordinal); ordinal++)
        {
            keys.AddRange(shuffled.Where(d => d.ChunkCount > ordinal).Select(d => ChunkKey.For(d.Source, d.DocumentId, ordinal)));
        }

        return await LoadAsync(keys.Take(max).ToList(), cancellationToken);
    }

    /// <summary>Every chunk of the pages the given chunks are on (in page order, at most <paramref name="max"/>).</summary>
    public async Task<IReadOnlyList<RetrievedChunk>> PagesOfAsync(IReadOnlyList<RetrievedChunk> on, int max, CancellationToken cancellationToken)
    {
        var pages = on.Select(c => (c.Source, c.DocumentId)).ToHashSet();
        var keys = (await DocumentsAsync(cancellationToken)).Where(d => pages.Contains((d.Source, d.DocumentId)))
            .SelectMany(d => Enumerable.Range(0, d.ChunkCount).Select(o => ChunkKey.For(d.Source, d.DocumentId, o))).Take(max).ToList();
        return await LoadAsync(keys, cancellationToken);
    }

    public async Task<IReadOnlyList<RetrievedChunk>> ChangedSinceAsync(DateTimeOffset since, int max, CancellationToken cancellationToken)
    {
        var changed = (await DocumentsAsync(cancellationToken)).Where(d => d.LastModified >= since).OrderByDescending(d => d.LastModified);
        var keys = changed.SelectMany(d => Enumerable.Range(0, d.ChunkCount).Select(o => ChunkKey.For(d.Source, d.DocumentId, o))).Take(max).ToList();
        return await LoadAsync(keys, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, string>> CurrentHashesAsync(IReadOnlyCollection<string> chunkIds, CancellationToken cancellationToken)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var record in chunks.GetAsync(chunkIds, cancellationToken: cancellationToken))
        {
            hashes[record.Key] = ChunkContentHash.Of(record.Text);
        }

        return hashes;
    }

    private async Task<List<IndexedDocument>> DocumentsAsync(CancellationToken cancellationToken)
    {
        var documents = new List<IndexedDocument>();
        foreach (var source in await index.GetSourcesAsync(cancellationToken))
        {
            documents.AddRange((await index.GetDocumentsAsync(source, cancellationToken)).Values);
        }

        return documents;
    }

    private async Task<IReadOnlyList<RetrievedChunk>> LoadAsync(List<string> keys, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, RetrievedChunk>(StringComparer.Ordinal);
        await foreach (var r in chunks.GetAsync(keys, cancellationToken: cancellationToken))
        {
            var headings = r.HeadingPath.Length == 0 ? [] : r.HeadingPath.Split(ChunkRecord.HeadingSeparator);
            found[r.Key] = new RetrievedChunk(r.Key, r.Source, r.DocumentId, r.Title, r.Link, r.Page, headings, r.Text, Score: 0);
        }

        return keys.Where(found.ContainsKey).Select(k => found[k]).ToList();
    }
}
