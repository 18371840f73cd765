using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using StudyBot.Tests;

namespace StudyBot.Assistant.Tests.Fakes;

/// <summary>
/// An OpenAI-compatible chat completions server on 127.0.0.1 that replays the recorded response
/// shapes in Fixtures/openai, one scripted response per request, and records every request.
/// When the script runs out it repeats the last response.
/// </summary>
internal sealed class FakeOpenAI : IAsyncDisposable
{
    private readonly ConcurrentQueue<ModelRequest> _requests = new();
    private readonly ConcurrentQueue<Func<HttpContext, ModelRequest, Task>> _script = new();
    private Func<HttpContext, ModelRequest, Task>? _last;

    private LoopbackServer? _server;

    /// <summary>http://127.0.0.1:port — the server answers chat completions under any path prefix.</summary>
    public string BaseUrl => _server!.BaseUrl;

    public IReadOnlyList<ModelRequest> Requests => [.. _requests];

    public static async Task<FakeOpenAI> StartAsync()
    {
        var fake = new FakeOpenAI();
        fake._server = await LoopbackServer.StartAsync(fake.HandleAsync);
        return fake;
    }

    public static string Fixture(params string[] parts) =>
        File.ReadAllText(Path.Combine([TestPaths.RepositoryRoot, "tests", "StudyBot.Assistant.Tests", "Fixtures", .. parts]));

    /// <summary>The recorded tool_calls response, with these calls instead of the recorded one.</summary>
    public void ToolCalls(params (string Id, string Name, string Arguments)[] calls)
    {
        var body = JsonNode.Parse(Fixture("openai", "chat.completion.tool_calls.json"))!;
        var toolCalls = new JsonArray();
        foreach (var (id, name, arguments) in calls)
        {
            toolCalls.Add(new JsonObject
            {
                ["id"] = id,
                ["function"] = new JsonObject { ["arguments"] = arguments, ["name"] = name },
                ["type"] = "function",
            });
        }

        body["choices"]![0]!["message"]!["tool_calls"] = toolCalls;
        Json(200, body.ToJsonString());
    }

    /// <summary>The recorded final response, with this content.</summary>
    public void Answer(string content) => Answer(_ => content);

    /// <summary>The recorded final response, with content made from the request: e.g. a quiz that cites the passages it was sent.</summary>
    public void Answer(Func<ModelRequest, string> content) => Enqueue(async (context, request) =>
    {
        var body = JsonNode.Parse(Fixture("openai", "chat.completion.stop.json"))!;
        body["choices"]![0]!["message"]!["content"] = content(request);
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString());
    });

    /// <summary>The recorded 429 with OpenAI's Retry-After header.</summary>
    public void RateLimit(int retryAfterSeconds) =>
        Json(429, Fixture("openai", "error.rate_limit_exceeded.json"), ("retry-after", retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Never answers: holds the request until the client gives up.</summary>
    public void Hang() => Enqueue(async (context, _) =>
    {
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
        }
    });

    private void Json(int status, string body, params (string Name, string Value)[] headers) => Enqueue(async (context, _) =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        foreach (var (name, value) in headers)
        {
            context.Response.Headers[name] = value;
        }

        await context.Response.WriteAsync(body);
    });

    private void Enqueue(Func<HttpContext, ModelRequest, Task> response) => _script.Enqueue(response);

    private async Task HandleAsync(HttpContext context)
    {
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
        var request = new ModelRequest(
            context.Request.Path.Value ?? "",
            context.Request.QueryString.Value ?? "",
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body.Length > 0 ? JsonNode.Parse(body)!.AsObject() : []);
        _requests.Enqueue(request);
        if (_script.TryDequeue(out var next))
        {
            _last = next;
        }

        await (_last ?? ((c, _) => { c.Response.StatusCode = 500; return Task.CompletedTask; }))(context, request);
    }

    public ValueTask DisposeAsync() => _server!.DisposeAsync();
}

/// <summary>One request the fake model received.</summary>
internal sealed record ModelRequest(string Path, string Query, IReadOnlyDictionary<string, string> Headers, JsonObject Body)
{
    public JsonArray Messages => Body["messages"]!.AsArray();

    public IEnumerable<string> ToolNames => Body["tools"]?.AsArray().Select(t => t!["function"]!["name"]!.GetValue<string>()) ?? [];

    public string SystemPrompt => Messages.First(m => m!["role"]!.GetValue<string>() == "system")!["content"]!.GetValue<string>();

    public string UserMessage => Messages.Last(m => m!["role"]!.GetValue<string>() == "user")!["content"]!.GetValue<string>();

    public IEnumerable<JsonNode> ToolMessages => Messages.Where(m => m!["role"]!.GetValue<string>() == "tool")!;

    public string AllText => Body.ToJsonString();
}
