using System.Text.Json.Nodes;

namespace StudyBot.Knowledge.Tests.Qdrant.Fake;

/// <summary>One collection of the fake Qdrant: its vector configuration, payload indexes and points.</summary>
internal sealed class FakeQdrantCollection(JsonObject dense, JsonObject sparse)
{
    public object Gate { get; } = new();

    /// <summary>Named dense vectors: name → { size, distance }.</summary>
    public JsonObject Dense { get; } = dense;

    /// <summary>Named sparse vectors: name → { modifier }.</summary>
    public JsonObject Sparse { get; } = sparse;

    public Dictionary<string, string> PayloadIndexes { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, FakePoint> Points { get; } = new(StringComparer.Ordinal);

    public long Operations { get; set; }
}

/// <summary>A stored point: dense vectors (unit length for Cosine), sparse vectors and payload.</summary>
internal sealed class FakePoint(string id, long version)
{
    public string Id { get; } = id;

    public long Version { get; set; } = version;

    public Dictionary<string, float[]> Dense { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Dictionary<uint, float>> Sparse { get; } = new(StringComparer.Ordinal);

    public JsonObject Payload { get; set; } = [];
}
