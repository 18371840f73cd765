using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using NJsonSchema;
using StudyBot.Tests;

namespace StudyBot.Knowledge.Tests.Qdrant.Fake;

/// <summary>
/// Qdrant 1.19's OpenAPI spec from the fixtures: the schema of each operation's request body and
/// of its 200 response, with the $refs to components/schemas resolved by NJsonSchema.
/// </summary>
internal static class QdrantSpec
{
    private static readonly Lazy<JsonObject> Document = new(() =>
        JsonNode.Parse(File.ReadAllText(TestPaths.Fixture("qdrant", "openapi.json")))!.AsObject());

    private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new(StringComparer.Ordinal);

    public static JsonObject Spec => Document.Value;

    /// <summary>The $ref'd request-body schema name of an operation, e.g. "QueryRequest" for query_points.</summary>
    public static string RequestSchemaName(string path, string method)
    {
        var reference = Document.Value["paths"]![path]![method]!["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>();
        return reference[(reference.LastIndexOf('/') + 1)..];
    }

    /// <summary>Schema violations of a request body for an operation; empty when it is valid.</summary>
    public static IReadOnlyList<string> RequestErrors(string path, string method, string json) =>
        Errors(Component(RequestSchemaName(path, method)), json);

    /// <summary>Schema violations of a 200 response body of an operation.</summary>
    public static IReadOnlyList<string> ResponseErrors(string path, string method, string json)
    {
        var schema = Document.Value["paths"]![path]![method]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!;
        return Errors(Schemas.GetOrAdd($"{method} {path} 200", _ => Load(schema.DeepClone())), json);
    }

    public static JsonSchema Component(string name) =>
        Schemas.GetOrAdd(name, n => Load(new JsonObject { ["allOf"] = new JsonArray(new JsonObject { ["$ref"] = $"#/components/schemas/{n}" }) }));

    private static IReadOnlyList<string> Errors(JsonSchema schema, string json) =>
        [.. schema.Validate(json).Select(e => $"{e.Path}: {e.Kind} {e.Property}")];

    /// <summary>A standalone JSON Schema: the given schema plus every component as a definition.</summary>
    private static JsonSchema Load(JsonNode root)
    {
        var schema = root.AsObject();
        schema["definitions"] = Document.Value["components"]!["schemas"]!.DeepClone();
        Nullable(schema);
        var text = schema.ToJsonString().Replace("#/components/schemas/", "#/definitions/", StringComparison.Ordinal);
        return JsonSchema.FromJsonAsync(text).GetAwaiter().GetResult();
    }

    /// <summary>
    /// OpenAPI 3.0's <c>nullable: true</c> in JSON Schema terms. Left alone, the spec's
    /// <c>anyOf: [{$ref}, {nullable: true}]</c> would accept any value at all.
    /// </summary>
    private static void Nullable(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject schema:
                if (schema["nullable"]?.GetValue<bool>() == true)
                {
                    schema.Remove("nullable");
                    if (schema["type"] is JsonValue type)
                    {
                        schema["type"] = new JsonArray(type.GetValue<string>(), "null");
                    }
                    else if (!schema.Any(p => p.Key is "$ref" or "anyOf" or "oneOf" or "allOf" or "properties" or "items"))
                    {
                        schema["type"] = "null";
                    }
                }

                foreach (var (_, value) in schema.ToList())
                {
                    Nullable(value);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Nullable(item);
                }

                break;
        }
    }
}
