using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Adapters.Api;
using StudyBot.Slack.Configuration;
using StudyBot.Slack.Wire;

namespace StudyBot.Slack.Api;

/// <summary>
/// Typed client of Slack's Web API (base address StudyBot:Slack:ApiBaseUrl). Rate limits (HTTP 429)
/// and transient failures are retried by the resilience handler; ok:false becomes a
/// <see cref="SlackApiException"/> with the method and error code. Tokens travel only in headers.
/// </summary>
internal sealed partial class SlackApiClient(HttpClient http, IOptions<SlackOptions> options, ILogger<SlackApiClient> logger)
{
    public Task<AuthTestResponse> AuthTestAsync(CancellationToken cancellationToken) =>
        SendAsync("auth.test", Authorized(new HttpRequestMessage(HttpMethod.Post, "auth.test"), options.Value.BotToken, idempotent: true), SlackJson.Default.AuthTestResponse, cancellationToken);

    public Task<MessageResponse> PostMessageAsync(PostMessageRequest message, CancellationToken cancellationToken) =>
        SendAsync("chat.postMessage", Post("chat.postMessage", message, SlackJson.Default.PostMessageRequest, idempotent: false), SlackJson.Default.MessageResponse, cancellationToken);

    public Task<MessageResponse> UpdateMessageAsync(UpdateMessageRequest message, CancellationToken cancellationToken) =>
        SendAsync("chat.update", Post("chat.update", message, SlackJson.Default.UpdateMessageRequest, idempotent: true), SlackJson.Default.MessageResponse, cancellationToken);

    public Task<SlackResponse> PostEphemeralAsync(PostEphemeralRequest message, CancellationToken cancellationToken) =>
        SendAsync("chat.postEphemeral", Post("chat.postEphemeral", message, SlackJson.Default.PostEphemeralRequest, idempotent: false), SlackJson.Default.SlackResponse, cancellationToken);

    /// <summary>chat.delete; a message already gone counts as done.</summary>
    public Task DeleteMessageAsync(DeleteMessageRequest message, CancellationToken cancellationToken) =>
        SendOnceAsync("chat.delete", message, SlackJson.Default.DeleteMessageRequest, alreadyDone: "message_not_found", cancellationToken);

    /// <summary>chat.startStream (Tier 2): posts the streaming message; its ts names the stream.</summary>
    public Task<MessageResponse> StartStreamAsync(StartStreamRequest stream, CancellationToken cancellationToken) =>
        SendAsync("chat.startStream", Post("chat.startStream", stream, SlackJson.Default.StartStreamRequest, idempotent: false), SlackJson.Default.MessageResponse, cancellationToken);

    /// <summary>chat.appendStream (Tier 4). Not repeated after a failure Slack may have acted on: the text would appear twice.</summary>
    public Task<MessageResponse> AppendStreamAsync(AppendStreamRequest append, CancellationToken cancellationToken) =>
        SendAsync("chat.appendStream", Post("chat.appendStream", append, SlackJson.Default.AppendStreamRequest, idempotent: false), SlackJson.Default.MessageResponse, cancellationToken);

    /// <summary>chat.stopStream (Tier 2): the stream's last text and the blocks below it.</summary>
    public Task<MessageResponse> StopStreamAsync(StopStreamRequest stop, CancellationToken cancellationToken) =>
        SendAsync("chat.stopStream", Post("chat.stopStream", stop, SlackJson.Default.StopStreamRequest, idempotent: false), SlackJson.Default.MessageResponse, cancellationToken);

    /// <summary>reactions.add; a reaction that is already there counts as done.</summary>
    public Task AddReactionAsync(AddReactionRequest reaction, CancellationToken cancellationToken) =>
        SendOnceAsync("reactions.add", reaction, SlackJson.Default.AddReactionRequest, alreadyDone: "already_reacted", cancellationToken);

    /// <summary>conversations.replies: a thread's messages, oldest first, with message metadata, up to <paramref name="max"/>.</summary>
    public async Task<IReadOnlyList<ThreadMessage>> GetRepliesAsync(string channel, string threadTs, int max, CancellationToken cancellationToken)
    {
        var messages = new List<ThreadMessage>();
        string? cursor = null;
        do
        {
            var query = $"conversations.replies?channel={Uri.EscapeDataString(channel)}&ts={Uri.EscapeDataString(threadTs)}&limit=200&include_all_metadata=true";
            if (cursor is not null)
            {
                query += "&cursor=" + Uri.EscapeDataString(cursor);
            }

            var request = Authorized(new HttpRequestMessage(HttpMethod.Get, query), options.Value.BotToken, idempotent: true);
            var page = await SendAsync("conversations.replies", request, SlackJson.Default.RepliesResponse, cancellationToken);
            messages.AddRange(page.Messages);
            cursor = page.HasMore ? page.ResponseMetadata?.NextCursor : null;
        }
        while (!string.IsNullOrEmpty(cursor) && messages.Count < max);

        return messages.Count <= max ? messages : messages[^max..];
    }

    /// <summary>apps.connections.open with the app-level token: the WebSocket URL for Socket Mode.</summary>
    public async Task<Uri> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var request = Authorized(new HttpRequestMessage(HttpMethod.Post, "apps.connections.open"), options.Value.AppToken ?? "", idempotent: true);
        var response = await SendAsync("apps.connections.open", request, SlackJson.Default.ConnectionsOpenResponse, cancellationToken);
        return Uri.TryCreate(response.Url, UriKind.Absolute, out var url)
            ? url
            : throw new SlackApiException("apps.connections.open", "invalid_response");
    }

    /// <summary>An idempotent call whose <paramref name="alreadyDone"/> error means its effect is already there.</summary>
    private async Task SendOnceAsync<T>(string method, T body, JsonTypeInfo<T> type, string alreadyDone, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync(method, Post(method, body, type, idempotent: true), SlackJson.Default.SlackResponse, cancellationToken);
        }
        catch (SlackApiException ex) when (ex.Error == alreadyDone)
        {
            // Idempotent by intent.
        }
    }

    private HttpRequestMessage Post<T>(string method, T body, JsonTypeInfo<T> type, bool idempotent)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, method)
        {
            Content = JsonContent.Create(body, type, new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" }),
        };
        return Authorized(request, options.Value.BotToken, idempotent);
    }

    private static HttpRequestMessage Authorized(HttpRequestMessage request, string token, bool idempotent)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request.MarkIdempotent(idempotent);
    }

    private async Task<T> SendAsync<T>(string method, HttpRequestMessage request, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : SlackResponse
    {
        using (request)
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var retryAfter = response.Headers.RetryAfter?.Delta;
                LogRateLimited(method, retryAfter);
                throw new SlackApiException(method, "ratelimited", retryAfter);
            }

            if (!response.IsSuccessStatusCode)
            {
                LogFailed(method, $"HTTP {(int)response.StatusCode}");
                throw new SlackApiException(method, "http_error");
            }

            T? body;
            try
            {
                body = await response.Content.ReadFromJsonAsync(type, cancellationToken);
            }
            catch (JsonException)
            {
                body = null;
            }

            if (body is null)
            {
                LogFailed(method, "invalid_response");
                throw new SlackApiException(method, "invalid_response");
            }

            if (!body.Ok)
            {
                var error = body.Error ?? "unknown_error";
                LogFailed(method, error);
                throw new SlackApiException(method, error);
            }

            if (body.ResponseMetadata?.Warnings is { Count: > 0 } warnings)
            {
                LogWarnings(method, string.Join(", ", warnings));
            }

            return body;
        }
    }

    [LoggerMessage(LogLevel.Warning, "Slack {Method} failed: {Error}")]
    private partial void LogFailed(string method, string error);

    [LoggerMessage(LogLevel.Warning, "Slack {Method} still rate limited after retries (Retry-After {RetryAfter})")]
    private partial void LogRateLimited(string method, TimeSpan? retryAfter);

    [LoggerMessage(LogLevel.Information, "Slack {Method} warned: {Warnings}")]
    private partial void LogWarnings(string method, string warnings);
}
