using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using StudyBot.Tests;

namespace StudyBot.Assistant.Tests.Fakes;

/// <summary>
/// An OpenAI-compatible chat completions server on 127.0.0.1 that replays the recorded response
/// shapes in Fixtures/openai, one scripted response per request, and records every request.
/// When the script runs out it repeats the last response. A request with "stream": true gets the
/// scripted completion as server-sent chunks in the recorded streaming shapes.
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
    public void ToolCalls(params (string Id, string Name, string Arguments)[] calls) => ToolCalls(null, calls);

    /// <summary>The recorded tool_calls response with text before the calls ("Let me look that up.").</summary>
    public void ToolCalls(string? content, params (string Id, string Name, string Arguments)[] calls)
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
        body["choices"]![0]!["message"]!["content"] = content;
        Completion(_ => body, null);
    }

    /// <summary>The recorded final response, with this content; streamed, one chunk per word every <paramref name="pace"/>.</summary>
    public void Answer(string content, TimeSpan? pace = null) => Answer(_ => content, pace);

    /// <summary>The recorded final response, with content made from the request: e.g. a quiz that cites the passages it was sent.</summary>
    public void Answer(Func<ModelRequest, string> content, TimeSpan? pace = null) => Completion(request =>
    {
        var body = JsonNode.Parse(Fixture("openai", "chat.completion.stop.json"))!;
        body["choices"]![0]!["message"]!["content"] = content(request);
        return body;
    }, pace);

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

    /// <summary>A chat.completion: as JSON, or as the recorded chunk stream when the request asked for one.</summary>
    private void Completion(Func<ModelRequest, JsonNode> response, TimeSpan? pace) => Enqueue(async (context, request) =>
    {
        var completion = response(request);
        if (request.Body["stream"]?.GetValue<bool>() != true)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(completion.ToJsonString());
            return;
        }

        context.Response.ContentType = "text/event-stream; charset=utf-8";
        foreach (var chunk in OpenAIChunks.Of(completion))
        {
            await context.Response.WriteAsync(chunk, context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            if (pace is { } delay && !chunk.StartsWith("data: [DONE]", StringComparison.Ordinal))
            {
                await Task.Delay(delay, context.RequestAborted);
            }
        }
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
