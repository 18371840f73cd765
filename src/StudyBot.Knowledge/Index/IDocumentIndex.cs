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

    /// <summary>How rare a term is in the indexed chunks (BM25 idf); unknown terms are the rarest.</summary>
    double InverseDocumentFrequency(string term);
}

public sealed record IndexCounts(int Documents, int Chunks);
