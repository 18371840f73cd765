namespace StudyBot.Knowledge.Index.Qdrant;

// Request bodies of the Qdrant REST calls StudyBot makes, named after the OpenAPI schemas they
// instantiate (snake_case on the wire, nulls omitted). Values typed object hold one of the spec's
// anyOf variants: a dense vector (float[]), a SparseVector, a string or a bool.

/// <summary>CreateCollection: named dense vectors and named sparse vectors.</summary>
internal sealed record CreateCollection(
    IReadOnlyDictionary<string, VectorParams> Vectors,
    IReadOnlyDictionary<string, SparseVectorParams> SparseVectors);

internal sealed record VectorParams(int Size, string Distance);

internal sealed record SparseVectorParams(string Modifier);

/// <summary>CreateFieldIndex with a PayloadSchemaType (keyword, bool…).</summary>
internal sealed record CreateFieldIndex(string FieldName, string FieldSchema);

/// <summary>PointsList: the upsert body.</summary>
internal sealed record PointsList(IReadOnlyList<PointStruct> Points);

internal sealed record PointStruct(string Id, IReadOnlyDictionary<string, object> Vector, IReadOnlyDictionary<string, object?> Payload);

internal sealed record SparseVector(IReadOnlyList<uint> Indices, IReadOnlyList<float> Values);

/// <summary>FilterSelector: delete the points a filter selects.</summary>
internal sealed record FilterSelector(Filter Filter);

internal sealed record CountRequest(Filter? Filter, bool Exact = true);

internal sealed record ScrollRequest(Filter? Filter, int Limit, object? Offset, bool WithPayload, bool WithVector);

internal sealed record QueryRequest(
    object Query,
    int Limit,
    IReadOnlyList<Prefetch>? Prefetch = null,
    string? Using = null,
    Filter? Filter = null,
    int? Offset = null,
    bool WithPayload = true,
    bool WithVector = false);

internal sealed record Prefetch(object Query, string Using, int Limit, Filter? Filter);

/// <summary>RrfQuery: reciprocal rank fusion of the prefetches, with Qdrant's k and per-prefetch weights.</summary>
internal sealed record RrfQuery(Rrf Rrf);

internal sealed record Rrf(int K, IReadOnlyList<float>? Weights);

/// <summary>UpdateOperations: several point operations applied in order in one request.</summary>
internal sealed record UpdateOperations(IReadOnlyList<object> Operations);

internal sealed record UpsertOperation(PointsList Upsert);

internal sealed record SetPayloadOperation(SetPayload SetPayload);

internal sealed record DeleteOperation(FilterSelector Delete);

internal sealed record SetPayload(IReadOnlyDictionary<string, object?> Payload, Filter Filter);

internal sealed record Filter(IReadOnlyList<FieldCondition>? Must = null, IReadOnlyList<FieldCondition>? MustNot = null);

internal sealed record FieldCondition(string Key, Match Match);

/// <summary>MatchValue (<see cref="Value"/>) or MatchAny (<see cref="Any"/>).</summary>
internal sealed record Match(object? Value = null, IReadOnlyList<string>? Any = null);
