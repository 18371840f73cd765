using Microsoft.Extensions.VectorData;
using StudyBot.Knowledge.Embeddings;

namespace StudyBot.Knowledge.Index;

/// <summary>One indexed chunk as stored in a vector store. The vector's real size is the configured embedder's.</summary>
public sealed class ChunkRecord
{
    [VectorStoreKey]
    public required string Key { get; init; }

    [VectorStoreData(IsIndexed = true)]
    public required string Source { get; init; }

    [VectorStoreData(IsIndexed = true)]
    public required string DocumentId { get; init; }

    [VectorStoreData]
    public required int Ordinal { get; init; }

    [VectorStoreData]
    public required string Title { get; init; }

    [VectorStoreData]
    public required string Link { get; init; }

    [VectorStoreData]
    public int? Page { get; init; }

    /// <summary>Headings above the chunk joined with " › ".</summary>
    [VectorStoreData]
    public required string HeadingPath { get; init; }

    [VectorStoreData(IsFullTextIndexed = true)]
    public required string Text { get; init; }

    [VectorStoreVector(HashingEmbeddingGenerator.DefaultDimensions, DistanceFunction = DistanceFunction.CosineSimilarity)]
    public ReadOnlyMemory<float> Embedding { get; set; }

    /// <summary>The text that is embedded and indexed lexically: title and headings give a chunk its context.</summary>
    public string SearchText => $"{Title}\n{HeadingPath}\n{Text}";

    public const string HeadingSeparator = " › ";
}
