namespace StudyBot.Core.Retrieval;

/// <summary>A chunk returned by retrieval with everything needed to cite it.</summary>
public sealed record RetrievedChunk(
    string ChunkId,
    string Source,
    string DocumentId,
    string Title,
    string Link,
    int? Page,
    IReadOnlyList<string> HeadingPath,
    string Text,
    double Score);
