namespace StudyBot.Knowledge.Index;

/// <summary>
/// A store that takes chunks before their vectors: they are searchable by words at once, and by
/// meaning once <see cref="Ingestion.EmbeddingBackfill"/> has set their vectors. The embedded store
/// works this way; Qdrant gets each chunk with its vector.
/// </summary>
public interface IDeferredVectors
{
    /// <summary>Chunks in the index, and how many of them have their vector.</summary>
    VectorCounts Vectors { get; }

    /// <summary>Completes as soon as the index holds a chunk without its vector (at once if it does now).</summary>
    Task WaitForChunksWithoutVectorsAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<ChunkRecord>> GetChunksWithoutVectorsAsync(int max, CancellationToken cancellationToken);

    /// <summary>Sets the vectors of chunks still in the index; chunks replaced in the meantime are skipped.</summary>
    Task SetVectorsAsync(IReadOnlyList<(string Key, ReadOnlyMemory<float> Vector)> vectors, CancellationToken cancellationToken);
}

public sealed record VectorCounts(int Chunks, int Embedded);
