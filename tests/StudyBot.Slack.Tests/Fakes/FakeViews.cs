using System.Text.Json.Nodes;

namespace StudyBot.Slack.Tests.Fakes;

/// <summary>
/// views.open and views.publish as documented (Fixtures/web_api/views.*.json): arguments checked against
/// the documented ones, the view's documented limits enforced, a trigger named "expired" refused as Slack
/// refuses one older than 3 seconds, and the documented response with a fresh view id.
/// </summary>
internal static class FakeViews
{
    public const string ExpiredTrigger = "expired";

    public static JsonObject Answer(string method, JsonObject request)
    {
        var spec = FakeStreams.Spec(method);
        var documented = spec["required"]!.AsArray().Concat(spec["optional"]!.AsArray()).Select(a => (string)a!).ToHashSet(StringComparer.Ordinal);
        var oneOf = spec["required_one_of"]?.AsArray().Select(a => (string)a!).ToList();
        if (spec["required"]!.AsArray().Any(a => request[(string)a!] is null) || request.Any(p => !documented.Contains(p.Key))
            || (oneOf is not null && !oneOf.Any(a => request[a] is not null)) || request["view"] is not JsonObject view || !WithinLimits(view, spec["view_limits"]!.AsObject()))
        {
            return new JsonObject { ["ok"] = false, ["error"] = "invalid_arguments" };
        }

        if ((string?)request["trigger_id"] == ExpiredTrigger)
        {
            return spec["response_expired_trigger"]!.DeepClone().AsObject();
        }

        var response = spec["response_ok"]!.DeepClone().AsObject();
        response["view"]!["id"] = "V" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        return response;
    }

    private static bool WithinLimits(JsonObject view, JsonObject limits) =>
        limits.All(limit => limit.Key switch
        {
            "blocks" => view["blocks"] is JsonArray blocks && blocks.Count <= (int)limit.Value!,
            "title" or "submit" or "close" => ((string?)view[limit.Key]?["text"] ?? "").Length <= (int)limit.Value!,
            _ => ((string?)view[limit.Key] ?? "").Length <= (int)limit.Value!,
        });
}
