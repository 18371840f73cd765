using StudyBot.Core.Retrieval;

namespace StudyBot.Core.Quizzes;

/// <summary>The indexed chunks quizzes are made from; implemented over the knowledge index.</summary>
public interface IQuizMaterial
{
    /// <summary>Chunks about <paramref name="topic"/> (best first), or a spread over the whole base when it is null.</summary>
    Task<IReadOnlyList<RetrievedChunk>> FindAsync(string? topic, int max, CancellationToken cancellationToken);

    /// <summary>Chunks of documents that changed at or after <paramref name="since"/>.</summary>
    Task<IReadOnlyList<RetrievedChunk>> ChangedSinceAsync(DateTimeOffset since, int max, CancellationToken cancellationToken);

    /// <summary>The current content hash of each chunk that still exists; a missing id means the chunk is gone.</summary>
    Task<IReadOnlyDictionary<string, string>> CurrentHashesAsync(IReadOnlyCollection<string> chunkIds, CancellationToken cancellationToken);
}
