using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using StudyBot.Tests;

namespace StudyBot.Teams.Tests.Infrastructure;

/// <summary>
/// A local stand-in for the Teams Bot Connector (serviceUrl …/amer/, as in the recordings) and the
/// botframework.com token endpoint. It records every call with its bearer token and answers like the
/// real service (201 {"id"}), or with scripted failures first.
/// </summary>
internal sealed class FakeConnector : IAsyncDisposable
{
    public const string ClientId = "eac5e5c6-ab14-4f50-80cb-49213fe51b1a";
    public const string ClientSecret = "test-secret-never-logged";

    private readonly ConcurrentQueue<RecordedCall> _calls = new();
    private readonly ConcurrentQueue<(int Status, string? RetryAfter)> _failures = new();
    private readonly ConcurrentDictionary<string, (TimeSpan Delay, TaskCompletionSource Arrived)> _slowUpdates = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly bool _keepBodies;
    private LoopbackServer _server = null!;
    private int _tokens;
    private int _ids;

    public string ServiceUrl => _server.BaseUrl + "/amer/";

    public string TokenEndpoint => _server.BaseUrl + "/botframework.com/oauth2/v2.0/token";

    public int TokenRequests => Volatile.Read(ref _tokens);

    public IReadOnlyList<RecordedCall> Calls => [.. _calls];

    private FakeConnector(bool keepBodies) => _keepBodies = keepBodies;

    /// <param name="keepBodies">False keeps only each call's type and replyToId (for load runs).</param>
    public static async Task<FakeConnector> StartAsync(bool keepBodies = true)
    {
        var connector = new FakeConnector(keepBodies);
        connector._server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/botframework.com/oauth2/v2.0/token", connector.TokenAsync);
            app.Map("/amer/v3/{**rest}", (Delegate)connector.ActivityAsync);
        });
        return connector;
    }

    /// <summary>Stream updates (typing activities with a streaminfo entity) are refused with 403 ContentStreamNotAllowed, as for a user or bot Teams does not stream to.</summary>
    public bool RefuseStreams { get; set; }

    /// <summary>The next Connector calls answer these statuses (with Retry-After seconds when given) before succeeding.</summary>
    public void FailNext(int status, string? retryAfter = null) => _failures.Enqueue((status, retryAfter));

    /// <summary>
    /// The next update (PUT) of this message is applied, recorded and answered only after <paramref name="delay"/>, as when
    /// Teams is slow over it; the task completes when that update arrives.
    /// </summary>
    public Task SlowDownNextUpdate(string messageId, TimeSpan delay)
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _slowUpdates[messageId] = (delay, arrived);
        return arrived.Task;
    }

    /// <summary>Waits until a recorded call matches; a generous deadline only guards against a hang.</summary>
    public async Task<RecordedCall> WaitForAsync(Func<RecordedCall, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (_calls.FirstOrDefault(match) is { } call)
            {
                return call;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The Connector received no matching call. Calls: " + string.Join("\n", _calls.Select(c => $"{c.Method} {c.Path} {c.Body?.ToJsonString()}")));
            }

            await _arrived.WaitAsync(TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>Waits for StudyBot's message replying to the given activity id.</summary>
    public Task<RecordedCall> WaitForReplyAsync(string activityId) =>
        WaitForAsync(c => c.Method == "POST" && c.Type == "message" && c.ReplyToId == activityId);

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _arrived.Dispose();
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        if (form["grant_type"] != "client_credentials" || form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
        {
            return Results.Json(new { error = "invalid_client" }, statusCode: 401);
        }

        var n = Interlocked.Increment(ref _tokens);
        return Results.Json(new { token_type = "Bearer", expires_in = 3599, ext_expires_in = 3599, access_token = $"connector-token-{n}" });
    }

    private async Task<IResult> ActivityAsync(HttpContext context)
    {
        var request = context.Request;
        var body = request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0
            ? await JsonNode.ParseAsync(request.Body)
            : null;
        if (!_keepBodies && body is not null)
        {
            body = new JsonObject { ["type"] = body["type"]?.DeepClone(), ["replyToId"] = body["replyToId"]?.DeepClone() };
        }

        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value!;
        var id = request.Method == "PUT" ? Uri.UnescapeDataString(rawTarget.Split('/')[^1]) : $"1:reply-{Interlocked.Increment(ref _ids)}";
        if (request.Method == "PUT" && _slowUpdates.TryRemove(id, out var slow))
        {
            slow.Arrived.SetResult();
            await Task.Delay(slow.Delay);
        }

        _calls.Enqueue(new RecordedCall(request.Method, rawTarget, request.Headers.Authorization.ToString(), body) { SentId = id });
        _arrived.Release();
        if (RefuseStreams && body?["type"]?.GetValue<string>() == "typing" && body["entities"]?.AsArray().Any(e => e?["type"]?.GetValue<string>() == "streaminfo") == true)
        {
            return Results.Json(new { error = new { code = "ContentStreamNotAllowed", message = "Content stream is not allowed" } }, statusCode: 403);
        }

        if (_failures.TryDequeue(out var failure))
        {
            if (failure.RetryAfter is not null)
            {
                context.Response.Headers.RetryAfter = failure.RetryAfter;
            }

            return Results.StatusCode(failure.Status);
        }

        return Results.Json(new { id }, statusCode: request.Method == "POST" ? 201 : 200);
    }
}
