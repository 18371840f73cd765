using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using StudyBot.Tests;

namespace StudyBot.Knowledge.Tests.Qdrant.Fake;

/// <summary>
/// A fake Qdrant 1.19 on 127.0.0.1 implementing the REST subset StudyBot uses, with Qdrant's
/// semantics (see <see cref="FakeQdrantSearch"/> and <see cref="FakeQdrantFilter"/>) and its
/// envelopes. Every request body is validated against the operation's schema in the fixtures'
/// OpenAPI spec; a violation is recorded and answered 400, as Qdrant would refuse it.
/// </summary>
internal sealed class FakeQdrant : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, FakeQdrantCollection> _collections = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<FakeQdrantCall> _calls = new();
    private readonly ConcurrentQueue<string> _schemaErrors = new();
    private readonly string? _apiKey;
    private LoopbackServer? _server;

    private FakeQdrant(string? apiKey) => _apiKey = apiKey;

    /// <summary>http://127.0.0.1:port</summary>
    public string Url => _server!.BaseUrl;

    public IReadOnlyList<FakeQdrantCall> Calls => [.. _calls];

    /// <summary>Request bodies that did not validate against the spec; tests expect none.</summary>
    public IReadOnlyList<string> SchemaErrors => [.. _schemaErrors];

    /// <summary>When set, every request is answered with this status (503: Qdrant restarting, 500: failing).</summary>
    public int? FailWith { get; set; }

    /// <summary>When it returns true for (method, path template), that request is answered 500 and not applied.</summary>
    public Func<string, string, bool>? FailWhen { get; set; }

    public static async Task<FakeQdrant> StartAsync(string? apiKey = null)
    {
        var fake = new FakeQdrant(apiKey);
        fake._server = await LoopbackServer.StartAsync(fake.HandleAsync);
        return fake;
    }

    public FakeQdrantCollection? Collection(string name) => _collections.GetValueOrDefault(name);

    /// <summary>Creates a collection directly, as another tool or an older StudyBot would have.</summary>
    public void CreateCollection(string name, int denseSize) =>
        _collections[name] = new FakeQdrantCollection(
            new JsonObject { ["dense"] = new JsonObject { ["size"] = denseSize, ["distance"] = "Cosine" } },
            new JsonObject { ["text"] = new JsonObject { ["modifier"] = "idf" } });

    public static float[] Normalize(float[] vector)
    {
        var norm = Math.Sqrt(vector.Sum(v => (double)v * v));
        return norm == 0 ? vector : [.. vector.Select(v => (float)(v / norm))];
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var body = request.ContentLength is > 0 || request.Method is "POST" or "PUT"
            ? await new StreamReader(request.Body).ReadToEndAsync(context.RequestAborted)
            : "";
        var segments = request.Path.Value!.Trim('/').Split('/');
        var (template, status, result) = (request.Path.Value!, 500, (JsonNode?)null);
        string? error = null;
        try
        {
            if (FailWith is { } failure)
            {
                throw new FakeQdrantException(failure, "Service Unavailable: the fake is failing on purpose");
            }

            if (_apiKey is not null && request.Headers["api-key"] != _apiKey)
            {
                throw new FakeQdrantException(401, "Must provide an API key or an Authorization bearer token");
            }

            if (FailWhen?.Invoke(request.Method, Template(segments)) == true)
            {
                throw new FakeQdrantException(500, "Service internal error: the fake is failing this request on purpose");
            }

            (template, result) = Dispatch(request.Method, segments, body);
            status = 200;
        }
        catch (FakeQdrantException ex)
        {
            (status, error) = (ex.Status, ex.Message);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or KeyNotFoundException or NullReferenceException or JsonException)
        {
            // A body the fake cannot read is a test failure to look at, not a silent 500.
            (status, error) = (500, "fake Qdrant could not handle the request: " + ex);
            _schemaErrors.Enqueue(error);
        }

        var envelope = error is null
            ? new JsonObject { ["usage"] = null, ["result"] = result, ["status"] = "ok", ["time"] = 0.0001 }
            : new JsonObject { ["status"] = new JsonObject { ["error"] = error }, ["time"] = 0.0001 };
        var response = envelope.ToJsonString();
        _calls.Enqueue(new FakeQdrantCall(request.Method, template, request.QueryString.Value ?? "", body, status, response));
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(response, context.RequestAborted);
    }

    private (string Template, JsonNode? Result) Dispatch(string method, string[] path, string body)
    {
        if (path is not ["collections", var name, .. var rest])
        {
            throw new FakeQdrantException(404, "the fake serves /collections/{collection_name}/... only");
        }

        var route = (method, string.Join('/', rest));
        var template = Template(path);
        var json = body.Length == 0 ? null : Validated(template, method, body);
        if (route == ("GET", "exists"))
        {
            return (template, new JsonObject { ["exists"] = _collections.ContainsKey(name) });
        }

        if (route == ("PUT", ""))
        {
            if (_collections.ContainsKey(name))
            {
                throw new FakeQdrantException(409, $"Wrong input: Collection `{name}` already exists!");
            }

            _collections[name] = new FakeQdrantCollection(json!["vectors"]!.AsObject().DeepClone().AsObject(), (json["sparse_vectors"] ?? new JsonObject()).DeepClone().AsObject());
            return (template, true);
        }

        var collection = _collections.GetValueOrDefault(name) ?? throw new FakeQdrantException(404, $"Not found: Collection `{name}` doesn't exist!");
        lock (collection.Gate)
        {
            return (template, route switch
            {
                ("GET", "") => FakeQdrantResponses.CollectionInfo(collection),
                ("PUT", "index") => Index(collection, json!),
                ("PUT", "points") => Updated(collection, () => Upsert(collection, json!)),
                ("POST", "points/delete") => Updated(collection, () => Delete(collection, json!)),
                ("POST", "points/batch") => Batch(collection, json!),
                ("POST", "points/count") => new JsonObject { ["count"] = collection.Points.Values.Count(p => FakeQdrantFilter.Matches(json?["filter"], p.Payload)) },
                ("POST", "points/scroll") => Scroll(collection, json!),
                ("POST", "points/query") => new JsonObject { ["points"] = new JsonArray([.. FakeQdrantSearch.Run(collection, json!.AsObject()).Select(s => FakeQdrantResponses.ScoredPoint(s.Point, s.Score))]) },
                _ => throw new FakeQdrantException(404, $"the fake does not serve {method} {template}"),
            });
        }
    }

    private static string Template(string[] path) =>
        path is ["collections", _, .. var rest] ? "/collections/{collection_name}" + string.Concat(rest.Select(s => "/" + s)) : "/" + string.Join('/', path);

    private JsonObject Validated(string template, string method, string body)
    {
        var errors = QdrantSpec.RequestErrors(template, method.ToLowerInvariant(), body);
        if (errors.Count > 0)
        {
            var message = $"{method} {template}: {string.Join("; ", errors)} in {body}";
            _schemaErrors.Enqueue(message);
            throw new FakeQdrantException(400, "Format error in JSON body: " + message);
        }

        return JsonNode.Parse(body)!.AsObject();
    }

    private static JsonObject Index(FakeQdrantCollection collection, JsonObject request)
    {
        collection.PayloadIndexes[request["field_name"]!.GetValue<string>()] = request["field_schema"]!.GetValue<string>();
        return FakeQdrantResponses.UpdateResult(++collection.Operations);
    }

    private static JsonObject Updated(FakeQdrantCollection collection, Action apply)
    {
        apply();
        return FakeQdrantResponses.UpdateResult(++collection.Operations);
    }

    private static void Upsert(FakeQdrantCollection collection, JsonObject request)
    {
        var points = request["points"]?.AsArray() ?? throw new FakeQdrantException(400, "the fake takes the points-list form of upsert");
        // Qdrant checks the whole batch before applying any of it.
        var parsed = points.Select(p => Point(collection, p!.AsObject())).ToList();
        foreach (var point in parsed)
        {
            collection.Points[point.Id] = point;
        }
    }

    private static FakePoint Point(FakeQdrantCollection collection, JsonObject source)
    {
        var id = source["id"]!.GetValueKind() == JsonValueKind.String ? Guid.Parse(source["id"]!.GetValue<string>()).ToString() : source["id"]!.ToJsonString();
        var point = new FakePoint(id, collection.Operations + 1) { Payload = (source["payload"] ?? new JsonObject()).DeepClone().AsObject() };
        foreach (var (name, vector) in source["vector"]!.AsObject())
        {
            if (collection.Dense[name] is JsonObject dense)
            {
                var values = vector!.AsArray().Select(v => v!.GetValue<float>()).ToArray();
                if (values.Length != dense["size"]!.GetValue<int>())
                {
                    throw new FakeQdrantException(400, $"Wrong input: Vector dimension error: expected dim: {dense["size"]}, got {values.Length}");
                }

                point.Dense[name] = dense["distance"]!.GetValue<string>() == "Cosine" ? Normalize(values) : values;
            }
            else if (collection.Sparse[name] is not null)
            {
                var indices = vector!["indices"]!.AsArray().Select(i => i!.GetValue<uint>()).ToList();
                var values = vector["values"]!.AsArray().Select(v => v!.GetValue<float>()).ToList();
                if (indices.Count != values.Count || indices.Distinct().Count() != indices.Count)
                {
                    throw new FakeQdrantException(400, "Wrong input: sparse vector indices must be unique and as many as values");
                }

                point.Sparse[name] = indices.Zip(values).ToDictionary(x => x.First, x => x.Second);
            }
            else
            {
                throw new FakeQdrantException(400, $"Wrong input: Not existing vector name error: {name}");
            }
        }

        return point;
    }

    private static void Delete(FakeQdrantCollection collection, JsonObject selector)
    {
        var filter = selector["filter"] ?? throw new FakeQdrantException(400, "the fake deletes by filter only");
        foreach (var id in collection.Points.Values.Where(p => FakeQdrantFilter.Matches(filter, p.Payload)).Select(p => p.Id).ToList())
        {
            collection.Points.Remove(id);
        }
    }

    /// <summary>Operations apply one after another, as Qdrant's batch update does; one UpdateResult each.</summary>
    private static JsonArray Batch(FakeQdrantCollection collection, JsonObject request)
    {
        var results = new JsonArray();
        foreach (var operation in request["operations"]!.AsArray().Select(o => o!.AsObject()))
        {
            results.Add(FakeQdrantResponses.UpdateResult(++collection.Operations));
            if (operation["upsert"] is JsonObject upsert)
            {
                Upsert(collection, upsert);
            }
            else if (operation["delete"] is JsonObject delete)
            {
                Delete(collection, delete);
            }
            else if (operation["set_payload"] is JsonObject set)
            {
                var filter = set["filter"] ?? throw new FakeQdrantException(400, "the fake sets payload by filter only");
                foreach (var point in collection.Points.Values.Where(p => FakeQdrantFilter.Matches(filter, p.Payload)))
                {
                    foreach (var (key, value) in set["payload"]!.AsObject())
                    {
                        point.Payload[key] = value?.DeepClone();
                    }
                }
            }
            else
            {
                throw new FakeQdrantException(400, "the fake does not apply " + operation.ToJsonString());
            }
        }

        return results;
    }

    private static JsonObject Scroll(FakeQdrantCollection collection, JsonObject request)
    {
        var limit = request["limit"]?.GetValue<int>() ?? 10;
        var offset = request["offset"]?.GetValue<string>();
        var matching = collection.Points.Values
            .Where(p => offset is null || string.CompareOrdinal(p.Id, offset) >= 0)
            .Where(p => FakeQdrantFilter.Matches(request["filter"], p.Payload))
            .Take(limit + 1)
            .ToList();
        return new JsonObject
        {
            ["points"] = new JsonArray([.. matching.Take(limit).Select(FakeQdrantResponses.Record)]),
            ["next_page_offset"] = matching.Count > limit ? matching[^1].Id : null,
        };
    }

    public ValueTask DisposeAsync() => _server!.DisposeAsync();
}

/// <summary>One request the fake received: method, the spec's path template, query string, body, and its answer.</summary>
internal sealed record FakeQdrantCall(string Method, string Path, string Query, string Body, int Status, string Response);
