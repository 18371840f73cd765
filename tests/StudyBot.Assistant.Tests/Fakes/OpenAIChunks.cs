using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace StudyBot.Assistant.Tests.Fakes;

/// <summary>
/// A chat.completion as OpenAI streams it: server-sent events copied from the recorded streams in
/// Fixtures/openai (chat.completion.chunks.*.sse), with the completion's content cut at word boundaries
/// and each tool call's arguments in two fragments.
/// </summary>
internal static partial class OpenAIChunks
{
    private static readonly Lazy<JsonNode[]> Stop = new(() => Events("chat.completion.chunks.stop.sse"));
    private static readonly Lazy<JsonNode[]> Tools = new(() => Events("chat.completion.chunks.tool_calls.sse"));

    public static IEnumerable<string> Of(JsonNode completion)
    {
        var message = completion["choices"]![0]!["message"]!;
        var content = (string?)message["content"];
        var calls = message["tool_calls"]?.AsArray() ?? [];
        var (role, text, finish, usage) = (Stop.Value[0], Stop.Value[1], Stop.Value[3], Stop.Value[4]);
        yield return Data(role);
        foreach (var piece in Words().Matches(content ?? "").Select(m => m.Value))
        {
            yield return Data(With(text, delta => delta["content"] = piece));
        }

        for (var i = 0; i < calls.Count; i++)
        {
            var call = calls[i]!;
            var arguments = (string)call["function"]!["arguments"]!;
            yield return Data(With(Tools.Value[0], delta =>
            {
                delta["content"] = null;
                var named = delta["tool_calls"]![0]!;
                named["index"] = i;
                named["id"] = call["id"]!.DeepClone();
                named["function"]!["name"] = call["function"]!["name"]!.DeepClone();
            }));
            foreach (var fragment in new[] { arguments[..(arguments.Length / 2)], arguments[(arguments.Length / 2)..] })
            {
                yield return Data(With(Tools.Value[1], delta =>
                {
                    delta["tool_calls"]![0]!["index"] = i;
                    delta["tool_calls"]![0]!["function"]!["arguments"] = fragment;
                }));
            }
        }

        yield return Data(calls.Count > 0 ? Tools.Value[3] : finish);
        yield return Data(usage);
        yield return "data: [DONE]\n\n";
    }

    private static JsonNode With(JsonNode template, Action<JsonNode> change)
    {
        var chunk = template.DeepClone();
        change(chunk["choices"]![0]!["delta"]!);
        return chunk;
    }

    private static string Data(JsonNode chunk) => $"data: {chunk.ToJsonString()}\n\n";

    private static JsonNode[] Events(string file) =>
        [.. FakeOpenAI.Fixture("openai", file).Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(e => e["data: ".Length..])
            .Where(data => data != "[DONE]")
            .Select(data => JsonNode.Parse(data)!)];

    [GeneratedRegex(@"\s*\S+")]
    private static partial Regex Words();
}
