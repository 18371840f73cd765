using StudyBot.Core.Retrieval;

namespace StudyBot.Knowledge.Index;

/// <summary>
/// Document-level writes on top of a vector store. <see cref="ReplaceDocumentAsync"/> is atomic:
/// searches see either all of a document's old chunks or all of its new ones.
/// </summary>
public interface IDocumentIndex
{
    Task<IReadOnlyDictionary<string, IndexedDocument>> GetDocumentsAsync(string source, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> GetSourcesAsync(CancellationToken cancellationToken);

    Task ReplaceDocumentAsync(IndexedDocument document, IReadOnlyList<ChunkRecord> chunks, CancellationToken cancellationToken);

    Task RemoveDocumentAsync(string source, string documentId, CancellationToken cancellationToken);

    Task<IndexCounts> CountAsync(string? source, CancellationToken cancellationToken);

    /// <summary>
    /// How rare each query term is (BM25 idf), for a search that <paramref name="found"/> these chunks:
    /// among every indexed chunk where the store keeps those statistics, else among the chunks found.
    /// </summary>
    IReadOnlyDictionary<string, double> TermWeights(IReadOnlyCollection<string> terms, IReadOnlyList<RetrievedChunk> found);
}

public sealed record IndexCounts(int Documents, int Chunks);
