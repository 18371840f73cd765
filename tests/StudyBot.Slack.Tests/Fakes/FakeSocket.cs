using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace StudyBot.Slack.Tests.Fakes;

/// <summary>The Socket Mode side of the fake Slack: hello on connect, envelopes out, acknowledgements in.</summary>
internal sealed class FakeSocket
{
    private readonly SemaphoreSlim _send = new(1, 1);
    private WebSocket? _current;
    private int _connections;

    public Action Changed { get; set; } = () => { };

    public ConcurrentDictionary<string, JsonElement> Acks { get; } = new(StringComparer.Ordinal);

    public int Connections => Volatile.Read(ref _connections);

    public bool IsOpen => _current?.State == WebSocketState.Open;

    public async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        _current = socket;
        await SendAsync("""{"type":"hello","num_connections":1,"debug_info":{"host":"fake","approximate_connection_time":18060},"connection_info":{"app_id":"A123ABC456"}}""");
        Interlocked.Increment(ref _connections);
        Changed();
        var buffer = new byte[64 * 1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var received = await socket.ReceiveAsync(buffer, context.RequestAborted);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                    break;
                }

                var ack = JsonDocument.Parse(Encoding.UTF8.GetString(buffer, 0, received.Count)).RootElement.Clone();
                Acks[ack.GetProperty("envelope_id").GetString()!] = ack;
                Changed();
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // Dropped on purpose, or by the client.
        }
    }

    public async Task SendAsync(string json)
    {
        await _send.WaitAsync();
        try
        {
            var socket = _current ?? throw new InvalidOperationException("No Socket Mode connection");
            await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _send.Release();
        }
    }

    public void Abort() => _current?.Abort();
}
