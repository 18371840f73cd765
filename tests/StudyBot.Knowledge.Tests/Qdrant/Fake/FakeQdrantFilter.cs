using System.Text.Json;
using System.Text.Json.Nodes;

namespace StudyBot.Knowledge.Tests.Qdrant.Fake;

/// <summary>
/// Qdrant's filter semantics for the conditions StudyBot uses: must / must_not / should of field
/// conditions with match value or match any; an array payload field matches when any element does.
/// Any other condition is refused, so a new kind of filter cannot pass the tests unchecked.
/// </summary>
internal static class FakeQdrantFilter
{
    public static bool Matches(JsonNode? filter, JsonObject payload)
    {
        if (filter is not JsonObject f)
        {
            return true;
        }

        return Conditions(f["must"]).All(c => Condition(c, payload))
               && !Conditions(f["must_not"]).Any(c => Condition(c, payload))
               && (f["should"] is null || Conditions(f["should"]).Any(c => Condition(c, payload)));
    }

    private static IEnumerable<JsonNode> Conditions(JsonNode? node) => node switch
    {
        null => [],
        JsonArray array => array.Select(c => c!),
        _ => [node],
    };

    private static bool Condition(JsonNode condition, JsonObject payload)
    {
        if (condition["must"] is not null || condition["must_not"] is not null || condition["should"] is not null)
        {
            return Matches(condition, payload);
        }

        var key = condition["key"]?.GetValue<string>() ?? throw new FakeQdrantException(400, "Format error in JSON body: unsupported condition " + condition.ToJsonString());
        var match = condition["match"] as JsonObject ?? throw new FakeQdrantException(400, "the fake supports match conditions only: " + condition.ToJsonString());
        var values = Values(payload[key]).ToList();
        if (match["value"] is { } value)
        {
            return values.Any(v => Same(v, value));
        }

        if (match["any"] is JsonArray any)
        {
            return values.Any(v => any.Any(a => Same(v, a!)));
        }

        throw new FakeQdrantException(400, "the fake supports match value and match any only: " + match.ToJsonString());
    }

    private static IEnumerable<JsonNode> Values(JsonNode? field) => field switch
    {
        null => [],
        JsonArray array => array.Where(v => v is not null).Select(v => v!),
        _ => [field],
    };

    private static bool Same(JsonNode a, JsonNode b) =>
        a.GetValueKind() == b.GetValueKind() && a.GetValueKind() switch
        {
            JsonValueKind.String => a.GetValue<string>() == b.GetValue<string>(),
            JsonValueKind.True or JsonValueKind.False => true,
            JsonValueKind.Number => a.GetValue<double>() == b.GetValue<double>(),
            _ => false,
        };
}

/// <summary>An error the fake answers as Qdrant does: the status code and { "status": { "error": ... } }.</summary>
internal sealed class FakeQdrantException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
