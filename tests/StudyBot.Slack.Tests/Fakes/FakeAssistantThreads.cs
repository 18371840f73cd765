using System.Text.Json.Nodes;

namespace StudyBot.Slack.Tests.Fakes;

/// <summary>
/// Slack's assistant.threads methods as documented (Fixtures/web_api/assistant.threads.*.json):
/// arguments checked against the documented ones, at most four suggested prompts each with its title
/// and message, and the documented ok response.
/// </summary>
internal static class FakeAssistantThreads
{
    public static JsonObject Answer(string method, JsonObject request)
    {
        var spec = FakeStreams.Spec(method);
        var documented = spec["required"]!.AsArray().Concat(spec["optional"]!.AsArray()).Select(a => (string)a!).ToHashSet(StringComparer.Ordinal);
        if (spec["required"]!.AsArray().Any(a => request[(string)a!] is null) || request.Any(p => !documented.Contains(p.Key)))
        {
            return Error("invalid_arguments");
        }

        if (spec["max_prompts"] is { } max
            && (request["prompts"] is not JsonArray prompts || prompts.Count > (int)max
                || prompts.Any(p => spec["prompt_fields"]!.AsArray().Any(f => p?[(string)f!] is null))))
        {
            return Error("invalid_arguments");
        }

        return spec["response_ok"]!.DeepClone().AsObject();
    }

    private static JsonObject Error(string error) => new() { ["ok"] = false, ["error"] = error };
}
