using System.Text.Json.Nodes;

namespace StudyBot.Knowledge.Tests.Qdrant.Fake;

/// <summary>Response results shaped as Qdrant 1.19's spec shapes them (the required fields included).</summary>
internal static class FakeQdrantResponses
{
    public static JsonObject UpdateResult(long operation) => new() { ["operation_id"] = operation, ["status"] = "completed" };

    public static JsonObject Record(FakePoint point) => new() { ["id"] = point.Id, ["payload"] = point.Payload.DeepClone() };

    public static JsonObject ScoredPoint(FakePoint point, double score) =>
        new() { ["id"] = point.Id, ["version"] = point.Version, ["score"] = score, ["payload"] = point.Payload.DeepClone() };

    public static JsonObject CollectionInfo(FakeQdrantCollection collection) => new()
    {
        ["status"] = "green",
        ["optimizer_status"] = "ok",
        ["indexed_vectors_count"] = 0,
        ["points_count"] = collection.Points.Count,
        ["segments_count"] = 2,
        ["config"] = new JsonObject
        {
            ["params"] = new JsonObject
            {
                ["vectors"] = collection.Dense.DeepClone(),
                ["sparse_vectors"] = collection.Sparse.DeepClone(),
                ["shard_number"] = 1,
                ["replication_factor"] = 1,
                ["write_consistency_factor"] = 1,
                ["on_disk_payload"] = true,
            },
            ["hnsw_config"] = new JsonObject { ["m"] = 16, ["ef_construct"] = 100, ["full_scan_threshold"] = 10000, ["max_indexing_threads"] = 0, ["on_disk"] = false },
            ["optimizer_config"] = new JsonObject
            {
                ["deleted_threshold"] = 0.2,
                ["vacuum_min_vector_number"] = 1000,
                ["default_segment_number"] = 0,
                ["max_segment_size"] = null,
                ["memmap_threshold"] = null,
                ["indexing_threshold"] = 10000,
                ["flush_interval_sec"] = 5,
                ["max_optimization_threads"] = null,
            },
            ["wal_config"] = new JsonObject { ["wal_capacity_mb"] = 32, ["wal_segments_ahead"] = 0 },
            ["quantization_config"] = null,
        },
        ["payload_schema"] = new JsonObject([.. collection.PayloadIndexes.Select(kv => KeyValuePair.Create(kv.Key,
            (JsonNode?)new JsonObject { ["data_type"] = kv.Value, ["params"] = null, ["points"] = collection.Points.Count }))]),
    };
}
