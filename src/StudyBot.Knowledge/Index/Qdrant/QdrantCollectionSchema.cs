using System.Text.Json;

namespace StudyBot.Knowledge.Index.Qdrant;

/// <summary>
/// The collection StudyBot needs: a named dense vector of the embedder's size (cosine), a sparse
/// vector with the idf modifier, and payload indexes for the fields searches and deletes filter on.
/// </summary>
internal static class QdrantCollectionSchema
{
    public static CreateCollection For(int dimensions) => new(
        new Dictionary<string, VectorParams> { [QdrantPoints.DenseVector] = new(dimensions, "Cosine") },
        new Dictionary<string, SparseVectorParams> { [QdrantPoints.SparseVector] = new("idf") });

    /// <summary>Why an existing collection cannot hold this embedder's chunks; null when it can.</summary>
    public static string? Mismatch(CollectionInfo info, string collection, int dimensions, string embedderId)
    {
        var vectors = info.Config.Params.Vectors;
        if (vectors.ValueKind != JsonValueKind.Object || !vectors.TryGetProperty(QdrantPoints.DenseVector, out var dense))
        {
            return $"Qdrant collection '{collection}' has no named vector '{QdrantPoints.DenseVector}'; it was not made by StudyBot. " +
                   "Set StudyBot:VectorStore:Qdrant:Collection to a new name.";
        }

        var size = dense.GetProperty("size").GetInt32();
        if (size != dimensions)
        {
            return $"Qdrant collection '{collection}' holds {size}-dimension vectors but the embedder '{embedderId}' makes {dimensions}. " +
                   "Set StudyBot:VectorStore:Qdrant:Collection to a new name (it is created and filled on start) or delete the old collection.";
        }

        if (dense.GetProperty("distance").GetString() != "Cosine")
        {
            return $"Qdrant collection '{collection}' uses {dense.GetProperty("distance").GetString()} distance; StudyBot needs Cosine.";
        }

        return info.Config.Params.SparseVectors?.GetValueOrDefault(QdrantPoints.SparseVector)?.Modifier == "idf"
            ? null
            : $"Qdrant collection '{collection}' has no sparse vector '{QdrantPoints.SparseVector}' with the idf modifier; set StudyBot:VectorStore:Qdrant:Collection to a new name.";
    }
}
