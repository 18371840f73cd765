using System.Text.Json;

namespace StudyBot.Slack.Tests.Fakes;

/// <summary>One request the fake Slack received: a Web API method, or "response_url" for a hook.</summary>
internal sealed record FakeSlackCall(string Method, string? Authorization, string Body, int Status)
{
    /// <summary>The JSON body (Web API write methods, response_url posts), or the query as an object for GETs.</summary>
    public JsonElement Json { get; init; }

    /// <summary>When the fake received it.</summary>
    public DateTimeOffset At { get; init; }

    public string? String(string name) =>
        Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>All text of the call's blocks, joined: what a person sees.</summary>
    public string BlockText =>
        Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty("blocks", out var blocks) ? string.Join("\n", Texts(blocks)) : "";

    private static IEnumerable<string> Texts(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "text" && property.Value.ValueKind == JsonValueKind.String)
                    {
                        yield return property.Value.GetString()!;
                    }
                    else
                    {
                        foreach (var text in Texts(property.Value))
                        {
                            yield return text;
                        }
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var text in Texts(item))
                    {
                        yield return text;
                    }
                }

                break;
        }
    }
}
