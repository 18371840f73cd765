using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StudyBot.Slack.Api;
using StudyBot.Slack.Wire;

namespace StudyBot.Slack.Intake;

/// <summary>
/// Socket Mode: opens a WebSocket URL with apps.connections.open (app-level token), acknowledges
/// each envelope by its envelope_id once its work is stored, and reconnects when Slack asks
/// (disconnect) or the socket drops; repeated failures back off up to 30 seconds.
/// </summary>
internal sealed partial class SocketModeService(
    SlackApiClient api, SocketEnvelopeRouter router, TimeProvider time, ILogger<SocketModeService> logger) : BackgroundService
{
    private const int MaxMessageBytes = 4 << 20;
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private int _failures;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var url = await api.OpenConnectionAsync(stoppingToken);
                using var socket = new ClientWebSocket();
                socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(30);
                await socket.ConnectAsync(url, stoppingToken);
                LogReconnecting(await ReceiveAsync(socket, stoppingToken));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A dropped socket is retried at once; Slack or network trouble backs off.
                var delay = Backoff(++_failures);
                LogConnectionFailed(ex.GetType().Name, ex.Message, delay);
                try
                {
                    await Task.Delay(delay, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <returns>Why the connection ended normally (Slack's disconnect, or a close frame).</returns>
    private async Task<string> ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var chunk = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            message.SetLength(0);
            ValueWebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(chunk.AsMemory(), cancellationToken);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await CloseAsync(socket);
                    return "closed by Slack";
                }

                message.Write(chunk, 0, received.Count);
                if (message.Length > MaxMessageBytes)
                {
                    throw new WebSocketException(WebSocketError.HeaderError, "Socket Mode message over 4 MiB");
                }
            }
            while (!received.EndOfMessage);

            var envelope = Read(message);
            switch (envelope?.Type)
            {
                case SocketEnvelope.Hello:
                    _failures = 0;
                    LogHello();
                    break;
                case SocketEnvelope.Disconnect:
                    await CloseAsync(socket);
                    return "disconnect: " + envelope.Reason;
                default:
                    if (envelope?.EnvelopeId is not null)
                    {
                        var ack = await router.RouteAsync(envelope, cancellationToken);
                        await socket.SendAsync(Encoding.UTF8.GetBytes(ack), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
                    }

                    break;
            }
        }
    }

    private SocketEnvelope? Read(MemoryStream message)
    {
        try
        {
            return JsonSerializer.Deserialize(message.GetBuffer().AsSpan(0, (int)message.Length), SlackJson.Default.SocketEnvelope);
        }
        catch (JsonException ex)
        {
            LogUnreadable(ex.Message);
            return null;
        }
    }

    private static async Task CloseAsync(ClientWebSocket socket)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "reconnecting", timeout.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The new connection does not depend on a clean close of the old one.
        }
    }

    private static TimeSpan Backoff(int failures)
    {
        if (failures <= 1)
        {
            return TimeSpan.Zero;
        }

        var seconds = Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, failures - 2));
        return TimeSpan.FromSeconds(seconds * (0.8 + (Random.Shared.NextDouble() * 0.4)));
    }

    [LoggerMessage(LogLevel.Information, "Slack Socket Mode connected")]
    private partial void LogHello();

    [LoggerMessage(LogLevel.Information, "Slack Socket Mode connection ended ({Reason}); reconnecting")]
    private partial void LogReconnecting(string reason);

    [LoggerMessage(LogLevel.Warning, "Slack Socket Mode connection failed ({Kind}: {Reason}); retrying in {Delay}")]
    private partial void LogConnectionFailed(string kind, string reason, TimeSpan delay);

    [LoggerMessage(LogLevel.Warning, "Slack Socket Mode message unreadable, ignored: {Reason}")]
    private partial void LogUnreadable(string reason);
}
