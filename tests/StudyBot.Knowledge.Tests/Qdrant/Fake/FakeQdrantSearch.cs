using System.Text.Json.Nodes;

namespace StudyBot.Knowledge.Tests.Qdrant.Fake;

/// <summary>
/// The Query API's scoring for what StudyBot asks: nearest by a dense vector (cosine on unit
/// vectors), nearest by a sparse vector (dot product, each dimension weighted by the collection's
/// idf when the sparse vector has the idf modifier), and RRF fusion of prefetches.
/// </summary>
internal static class FakeQdrantSearch
{
    private const int DefaultRrfK = 2;

    /// <summary>Scored points of one query or prefetch, best first; call under the collection's lock.</summary>
    public static List<(FakePoint Point, double Score)> Run(FakeQdrantCollection collection, JsonObject request)
    {
        var filter = request["filter"];
        var limit = request["limit"]?.GetValue<int>() ?? 10;
        var query = request["query"];
        var prefetch = request["prefetch"] switch
        {
            null => [],
            JsonArray array => array.Select(p => p!.AsObject()).ToList(),
            JsonObject single => [single],
            _ => throw new FakeQdrantException(400, "bad prefetch"),
        };

        List<(FakePoint Point, double Score)> scored;
        if (prefetch.Count > 0)
        {
            var rankings = prefetch.Select(p => Run(collection, p)).ToList();
            scored = Fuse(rankings, query, collection, filter);
        }
        else
        {
            var candidates = collection.Points.Values.Where(p => FakeQdrantFilter.Matches(filter, p.Payload));
            scored = query switch
            {
                JsonArray dense => Dense(collection, candidates, request["using"]?.GetValue<string>(), dense),
                JsonObject sparse when sparse["indices"] is not null => Sparse(collection, candidates, request["using"]?.GetValue<string>(), sparse),
                _ => throw new FakeQdrantException(400, "the fake supports dense, sparse and fusion queries only: " + query?.ToJsonString()),
            };
        }

        return [.. scored.OrderByDescending(s => s.Score).ThenBy(s => s.Point.Id, StringComparer.Ordinal).Take(limit)];
    }

    private static List<(FakePoint, double)> Dense(FakeQdrantCollection collection, IEnumerable<FakePoint> candidates, string? name, JsonArray query)
    {
        name ??= "";
        var config = collection.Dense[name] ?? throw new FakeQdrantException(400, $"Wrong input: Not existing vector name error: {name}");
        var vector = query.Select(v => v!.GetValue<float>()).ToArray();
        if (vector.Length != config["size"]!.GetValue<int>())
        {
            throw new FakeQdrantException(400, $"Wrong input: Vector dimension error: expected dim: {config["size"]}, got {vector.Length}");
        }

        var unit = FakeQdrant.Normalize(vector);
        return [.. candidates.Where(p => p.Dense.ContainsKey(name)).Select(p => (p, (double)Dot(unit, p.Dense[name])))];
    }

    private static List<(FakePoint, double)> Sparse(FakeQdrantCollection collection, IEnumerable<FakePoint> candidates, string? name, JsonObject query)
    {
        if (name is null || collection.Sparse[name] is not JsonObject config)
        {
            throw new FakeQdrantException(400, $"Wrong input: Not existing vector name error: {name}");
        }

        var indices = query["indices"]!.AsArray().Select(i => i!.GetValue<uint>()).ToArray();
        var values = query["values"]!.AsArray().Select(v => v!.GetValue<float>()).ToArray();
        var withVector = collection.Points.Values.Where(p => p.Sparse.ContainsKey(name)).ToList();
        // Qdrant's idf: ln((N - n + 0.5) / (n + 0.5) + 1) over all points having this sparse vector.
        var idf = config["modifier"]?.GetValue<string>() == "idf"
            ? indices.ToDictionary(i => i, i =>
            {
                var n = withVector.Count(p => p.Sparse[name].ContainsKey(i));
                return Math.Log((withVector.Count - n + 0.5) / (n + 0.5) + 1);
            })
            : indices.ToDictionary(i => i, _ => 1.0);
        var result = new List<(FakePoint, double)>();
        foreach (var point in candidates.Where(p => p.Sparse.ContainsKey(name)))
        {
            var stored = point.Sparse[name];
            double score = 0;
            var overlaps = false;
            for (var i = 0; i < indices.Length; i++)
            {
                if (stored.TryGetValue(indices[i], out var value))
                {
                    overlaps = true;
                    score += idf[indices[i]] * values[i] * value;
                }
            }

            // Sparse search only finds points that share a dimension with the query.
            if (overlaps)
            {
                result.Add((point, score));
            }
        }

        return result;
    }

    private static List<(FakePoint, double)> Fuse(List<List<(FakePoint Point, double Score)>> rankings, JsonNode? query, FakeQdrantCollection collection, JsonNode? filter)
    {
        int k;
        double[] weights;
        switch (query)
        {
            case JsonObject { } fusion when fusion["fusion"]?.GetValue<string>() == "rrf":
                (k, weights) = (DefaultRrfK, [.. rankings.Select(_ => 1.0)]);
                break;
            case JsonObject { } rrf when rrf["rrf"] is JsonObject parameters:
                k = parameters["k"]?.GetValue<int>() ?? DefaultRrfK;
                weights = parameters["weights"] is JsonArray w ? [.. w.Select(x => x!.GetValue<double>())] : [.. rankings.Select(_ => 1.0)];
                if (weights.Length != rankings.Count)
                {
                    throw new FakeQdrantException(400, $"Wrong input: RRF weights length ({weights.Length}) must match the number of prefetches ({rankings.Count})");
                }

                break;
            default:
                throw new FakeQdrantException(400, "the fake fuses with rrf only: " + query?.ToJsonString());
        }

        var scores = new Dictionary<string, (FakePoint Point, double Score)>(StringComparer.Ordinal);
        for (var r = 0; r < rankings.Count; r++)
        {
            for (var rank = 0; rank < rankings[r].Count; rank++)
            {
                var point = rankings[r][rank].Point;
                var previous = scores.GetValueOrDefault(point.Id, (point, 0));
                scores[point.Id] = (point, previous.Score + weights[r] / (k + rank + 1));
            }
        }

        return [.. scores.Values.Where(s => FakeQdrantFilter.Matches(filter, s.Point.Payload))];
    }

    private static float Dot(float[] a, float[] b)
    {
        float sum = 0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
