namespace StudyBot.Knowledge.Index;

/// <summary>What the index remembers of a document to decide whether the next run must re-read it.</summary>
public sealed record IndexedDocument(
    string Source,
    string DocumentId,
    string Title,
    string Link,
    string ContentHash,
    DateTimeOffset LastModified,
    DateTimeOffset IndexedAt,
    int ChunkCount);
