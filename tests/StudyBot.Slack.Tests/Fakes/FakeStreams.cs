using System.Text.Json.Nodes;
using StudyBot.Tests;

namespace StudyBot.Slack.Tests.Fakes;

/// <summary>
/// Slack's chat streaming methods and chat.delete as documented (Fixtures/web_api/*.json): arguments
/// checked against the documented ones, a stream outside a direct message refused without its
/// recipient, appended text kept on the message, and the documented responses with channel and ts filled in.
/// </summary>
internal static class FakeStreams
{
    public static JsonObject Answer(string method, JsonObject request, FakeThreadStore threads, bool unavailable)
    {
        var spec = Spec(method);
        var documented = spec["required"]!.AsArray().Concat(spec["optional"]!.AsArray()).Select(a => (string)a!).ToHashSet(StringComparer.Ordinal);
        if (spec["required"]!.AsArray().Any(a => request[(string)a!] is null) || request.Any(p => !documented.Contains(p.Key)))
        {
            return Error("invalid_arguments");
        }

        var channel = (string)request["channel"]!;
        var ts = (string?)request["ts"];
        switch (method)
        {
            case "chat.startStream":
                if (unavailable)
                {
                    return spec["response_unavailable"]!.DeepClone().AsObject();
                }

                if (!channel.StartsWith('D') && spec["required_outside_direct_messages"]!.AsArray().FirstOrDefault(a => request[(string)a!] is null) is { } missing)
                {
                    return Error("missing_" + (string)missing!);
                }

                ts = SlackTimestamps.Next();
                var thread = (string?)request["thread_ts"] ?? ts;
                threads.Add(channel, thread, new JsonObject
                {
                    ["type"] = "message", ["subtype"] = "bot_message", ["user"] = FakeSlackApi.BotUserId, ["bot_id"] = FakeSlackApi.BotId, ["ts"] = ts,
                    ["thread_ts"] = thread, ["text"] = (string?)request["markdown_text"] ?? "", ["streaming_state"] = "in_progress",
                });
                break;
            case "chat.appendStream" or "chat.stopStream":
                var streaming = threads.Change(channel, ts!, message =>
                {
                    if ((string?)message["streaming_state"] != "in_progress")
                    {
                        return false;
                    }

                    message["text"] = (string?)message["text"] + (string?)request["markdown_text"];
                    if (method == "chat.stopStream")
                    {
                        message["streaming_state"] = "completed";
                        message["blocks"] = request["blocks"]?.DeepClone();
                        message["metadata"] = request["metadata"]?.DeepClone();
                    }

                    return true;
                });
                if (!streaming)
                {
                    return spec["response_not_streaming"]!.DeepClone().AsObject();
                }

                break;
            case "chat.delete":
                if (!threads.Delete(channel, ts!))
                {
                    return spec["response_not_found"]!.DeepClone().AsObject();
                }

                break;
        }

        var response = spec["response_ok"]!.DeepClone().AsObject();
        response["channel"] = channel;
        response["ts"] = ts;
        if (response["message"] is JsonObject finished)
        {
            finished["ts"] = ts;
            finished["text"] = threads.Find(channel, ts!)?["text"]?.DeepClone();
        }

        return response;
    }

    public static JsonObject Spec(string method) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "tests", "StudyBot.Slack.Tests", "Fixtures", "web_api", method + ".json")))!.AsObject();

    private static JsonObject Error(string error) => new() { ["ok"] = false, ["error"] = error };
}
