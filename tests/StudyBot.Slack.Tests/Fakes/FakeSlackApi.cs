using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using StudyBot.Tests;

namespace StudyBot.Slack.Tests.Fakes;

/// <summary>
/// A fake Slack on 127.0.0.1: the Web API methods StudyBot calls (answers shaped like the recorded
/// fixtures in ../shared/fixtures/slack/web_api), response_url hooks and a Socket Mode WebSocket.
/// Every call is recorded; scripted responses (the 429 fixture) can be queued per method.
/// </summary>
internal sealed class FakeSlackApi : IAsyncDisposable
{
    /// <summary>StudyBot's user id: the one mentioned in Slack's own app_mention example payload.</summary>
    public const string BotUserId = "U0LAN0Z89";
    public const string BotId = "B0STUDYBOT";
    public const string TeamId = "T123ABC456";

    private readonly ConcurrentQueue<FakeSlackCall> _calls = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ScriptedResponse>> _scripted = new(StringComparer.Ordinal);
    private readonly JsonObject _postMessageOk = JsonNode.Parse(File.ReadAllText(TestPaths.Fixture("slack", "web_api", "chat.postMessage.response.ok.json")))!.AsObject();
    private readonly FakeSocket _socket = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _socketTickets;
    private LoopbackServer? _server;

    public FakeThreadStore Threads { get; } = new();

    /// <summary>Slack refuses chat.startStream here (as in a workspace or channel without streaming).</summary>
    public bool StreamingUnavailable { get; set; }

    public Uri BaseUrl => new(_server!.BaseUrl + "/");

    public Uri ApiBaseUrl => new(BaseUrl, "api/");

    public IReadOnlyList<FakeSlackCall> Calls => [.. _calls];

    public int SocketConnections => _socket.Connections;

    public static async Task<FakeSlackApi> StartAsync()
    {
        var fake = new FakeSlackApi();
        fake._server = await LoopbackServer.StartAsync(app =>
        {
            app.UseWebSockets();
            app.Map("/api/{method}", fake.WebApiAsync);
            app.MapPost("/hooks/{id}", (HttpContext context) => fake.RecordHookAsync(context));
            app.Map("/socket", fake._socket.AcceptAsync);
        });
        fake._socket.Changed = fake.Signal;
        return fake;
    }

    /// <summary>A response_url that this fake records as method "response_url".</summary>
    public Uri ResponseUrl(string id) => new(BaseUrl, "hooks/" + id);

    public IEnumerable<FakeSlackCall> CallsTo(string method) => _calls.Where(c => c.Method == method);

    /// <summary>Answers the next call of <paramref name="method"/> with this response instead of the default.</summary>
    public void Enqueue(string method, int status, IReadOnlyDictionary<string, string> headers, string body) =>
        _scripted.GetOrAdd(method, _ => new ConcurrentQueue<ScriptedResponse>()).Enqueue(new ScriptedResponse(status, headers, body));

    /// <summary>Queues Slack's recorded HTTP 429 (web_api/ratelimited_429.json) for the next call of a method.</summary>
    public void EnqueueRateLimit(string method)
    {
        var fixture = JsonNode.Parse(File.ReadAllText(TestPaths.Fixture("slack", "web_api", "ratelimited_429.json")))!;
        var headers = fixture["headers"]!.AsObject().ToDictionary(h => h.Key, h => (string)h.Value!);
        Enqueue(method, (int)fixture["status"]!, headers, fixture["body"]!.ToJsonString());
    }

    /// <summary>A person's message as Slack stores it, so conversations.replies returns it.</summary>
    public void AddUserMessage(string channel, string ts, string? threadTs, string user, string text) =>
        Threads.Add(channel, threadTs ?? ts, new JsonObject
        {
            ["type"] = "message", ["user"] = user, ["text"] = text, ["ts"] = ts, ["thread_ts"] = threadTs ?? ts,
        });

    /// <summary>Waits until the recorded calls satisfy <paramref name="condition"/>; a hang fails after a generous deadline.</summary>
    public async Task<IReadOnlyList<FakeSlackCall>> WaitUntilAsync(Func<IReadOnlyList<FakeSlackCall>, bool> condition, string what, TimeSpan? limit = null)
    {
        using var deadline = new CancellationTokenSource(limit ?? TimeSpan.FromSeconds(90));
        while (true)
        {
            var changed = Volatile.Read(ref _changed).Task;
            var calls = Calls;
            if (condition(calls))
            {
                return calls;
            }

            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Fake Slack never saw {what}. Calls: {string.Join(", ", calls.Select(c => c.Method))}");
            }
        }
    }

    public Task<IReadOnlyList<FakeSlackCall>> WaitForAsync(string method, Func<FakeSlackCall, bool> match, int count = 1) =>
        WaitUntilAsync(calls => calls.Count(c => c.Method == method && match(c)) >= count, $"{count} × {method}");

    public Task WaitForSocketConnectionsAsync(int count) =>
        WaitUntilAsync(_ => _socket.Connections >= count && _socket.IsOpen, $"{count} Socket Mode connections");

    /// <summary>Sends an envelope on the current socket and waits for StudyBot's acknowledgement of it.</summary>
    public async Task<JsonElement> SendEnvelopeAsync(string type, JsonNode payload, bool acceptsResponsePayload = false)
    {
        var id = Guid.NewGuid().ToString();
        var envelope = new JsonObject
        {
            ["envelope_id"] = id, ["payload"] = payload, ["type"] = type, ["accepts_response_payload"] = acceptsResponsePayload,
            ["retry_attempt"] = 0, ["retry_reason"] = "",
        };
        await _socket.SendAsync(envelope.ToJsonString());
        await WaitUntilAsync(_ => _socket.Acks.ContainsKey(id), "the acknowledgement of envelope " + id);
        return _socket.Acks[id];
    }

    /// <summary>Slack's refresh: a disconnect message, after which the client must open a new connection.</summary>
    public Task SendDisconnectAsync(string reason) =>
        _socket.SendAsync(new JsonObject { ["type"] = "disconnect", ["reason"] = reason, ["debug_info"] = new JsonObject { ["host"] = "fake" } }.ToJsonString());

    /// <summary>Drops the current socket without a close handshake.</summary>
    public void DropSocket() => _socket.Abort();

    public async ValueTask DisposeAsync()
    {
        _socket.Abort();
        await _server!.DisposeAsync();
    }

    private async Task WebApiAsync(HttpContext context, string method)
    {
        var body = await new StreamReader(context.Request.Body, Encoding.UTF8).ReadToEndAsync();
        var json = context.Request.HasJsonContentType() && body.Length > 0
            ? JsonNode.Parse(body)!.AsObject()
            : new JsonObject(context.Request.Query.Select(q => KeyValuePair.Create(q.Key, (JsonNode?)JsonValue.Create(q.Value.ToString()))));
        var status = 200;
        string response;
        if (_scripted.TryGetValue(method, out var queue) && queue.TryDequeue(out var scripted))
        {
            status = scripted.Status;
            foreach (var (name, value) in scripted.Headers)
            {
                context.Response.Headers[name] = value;
            }

            response = scripted.Body;
        }
        else if (FakeBlocks.Refusal(json["blocks"]) is { } refusal)
        {
            response = Error(refusal).ToJsonString();
        }
        else
        {
            response = Answer(method, json, context).ToJsonString();
        }

        Record(new FakeSlackCall(method, context.Request.Headers.Authorization, body, status) { At = DateTimeOffset.UtcNow, Json = JsonSerializer.SerializeToElement(json) });
        context.Response.StatusCode = status;
        context.Response.ContentType ??= "application/json; charset=utf-8";
        await context.Response.WriteAsync(response);
    }

    private JsonObject Answer(string method, JsonObject request, HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        var token = method == "apps.connections.open" ? "Bearer xapp-" : "Bearer xoxb-";
        if (!authorization.StartsWith(token, StringComparison.Ordinal))
        {
            return Error("not_authed");
        }

        switch (method)
        {
            case "auth.test":
                return new JsonObject
                {
                    ["ok"] = true, ["url"] = "https://fake.slack.com/", ["team"] = "Fake Team", ["user"] = "studybot",
                    ["team_id"] = TeamId, ["user_id"] = BotUserId, ["bot_id"] = BotId,
                };
            case "chat.postMessage":
                return PostMessage(request);
            case "chat.update":
                var updated = Threads.Update((string)request["channel"]!, (string)request["ts"]!, request["text"], request["blocks"]);
                return updated
                    ? new JsonObject { ["ok"] = true, ["channel"] = request["channel"]!.DeepClone(), ["ts"] = request["ts"]!.DeepClone(), ["text"] = request["text"]?.DeepClone() }
                    : Error("message_not_found");
            case "chat.startStream" or "chat.appendStream" or "chat.stopStream" or "chat.delete":
                return FakeStreams.Answer(method, request, Threads, StreamingUnavailable);
            case "assistant.threads.setStatus" or "assistant.threads.setSuggestedPrompts" or "assistant.threads.setTitle":
                return FakeAssistantThreads.Answer(method, request);
            case "views.open" or "views.publish":
                return FakeViews.Answer(method, request);
            case "chat.postEphemeral":
                return new JsonObject { ["ok"] = true, ["message_ts"] = SlackTimestamps.Next() };
            case "reactions.add":
                return new JsonObject { ["ok"] = true };
            case "conversations.replies":
                return new JsonObject
                {
                    ["ok"] = true, ["messages"] = Threads.Replies((string)request["channel"]!, (string)request["ts"]!), ["has_more"] = false,
                };
            case "apps.connections.open":
                var ticket = Interlocked.Increment(ref _socketTickets);
                return new JsonObject { ["ok"] = true, ["url"] = $"ws://{BaseUrl.Authority}/socket?ticket={ticket}" };
            default:
                return Error("unknown_method");
        }
    }

    /// <summary>chat.postMessage: stores the message and answers with the recorded response, its channel and ts replaced.</summary>
    private JsonObject PostMessage(JsonObject request)
    {
        var channel = (string)request["channel"]!;
        var ts = SlackTimestamps.Next();
        var threadTs = (string?)request["thread_ts"];
        Threads.Add(channel, threadTs ?? ts, new JsonObject
        {
            ["type"] = "message", ["subtype"] = "bot_message", ["user"] = BotUserId, ["bot_id"] = BotId, ["ts"] = ts,
            ["thread_ts"] = threadTs ?? ts, ["text"] = request["text"]?.DeepClone(), ["blocks"] = request["blocks"]?.DeepClone(),
            ["metadata"] = request["metadata"]?.DeepClone(),
        });
        var response = _postMessageOk.DeepClone().AsObject();
        response["channel"] = channel;
        response["ts"] = ts;
        response["message"]!["ts"] = ts;
        response["message"]!["text"] = request["text"]?.DeepClone();
        return response;
    }

    private async Task RecordHookAsync(HttpContext context)
    {
        var body = await new StreamReader(context.Request.Body, Encoding.UTF8).ReadToEndAsync();
        Record(new FakeSlackCall("response_url", null, body, 200) { Json = JsonDocument.Parse(body).RootElement.Clone() });
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("{\"ok\":true}");
    }

    private static JsonObject Error(string error) => new() { ["ok"] = false, ["error"] = error };

    private void Record(FakeSlackCall call)
    {
        _calls.Enqueue(call);
        Signal();
    }

    private void Signal() => Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    private sealed record ScriptedResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body);
}
