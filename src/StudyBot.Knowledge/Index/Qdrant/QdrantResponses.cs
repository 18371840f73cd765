using System.Text.Json;

namespace StudyBot.Knowledge.Index.Qdrant;

// Response bodies as the OpenAPI spec shapes them: { "result": ..., "status": "ok", "time": ... },
// or { "status": { "error": "..." } } on failure. Only the fields StudyBot reads are declared.

internal sealed record QdrantResponse<T>(T? Result, JsonElement Status, double Time);

internal sealed record CollectionExistence(bool Exists);

internal sealed record CollectionInfo(string Status, CollectionConfig Config, IReadOnlyDictionary<string, JsonElement>? PayloadSchema);

internal sealed record CollectionConfig(CollectionParams Params);

internal sealed record CollectionParams(JsonElement Vectors, IReadOnlyDictionary<string, SparseVectorParamsInfo>? SparseVectors);

internal sealed record SparseVectorParamsInfo(string? Modifier);

internal sealed record CountResult(long Count);

internal sealed record ScrollResult(IReadOnlyList<PointRecord> Points, JsonElement? NextPageOffset);

internal sealed record PointRecord(JsonElement Id, IReadOnlyDictionary<string, JsonElement>? Payload);

internal sealed record QueryResponse(IReadOnlyList<ScoredPoint> Points);

internal sealed record ScoredPoint(JsonElement Id, long Version, double Score, IReadOnlyDictionary<string, JsonElement>? Payload);

internal sealed record UpdateResult(long? OperationId, string Status);
