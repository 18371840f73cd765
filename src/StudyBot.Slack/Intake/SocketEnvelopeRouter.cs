using System.Text.Json;
using Microsoft.Extensions.Logging;
using StudyBot.Slack.Wire;

namespace StudyBot.Slack.Intake;

/// <summary>Routes Socket Mode envelopes to the same intake as the HTTP endpoints and builds their acknowledgement.</summary>
internal sealed partial class SocketEnvelopeRouter(
    EventIntake events, CommandIntake commands, InteractionIntake interactions, ILogger<SocketEnvelopeRouter> logger)
{
    /// <returns>The acknowledgement to send once the envelope's work is stored.</returns>
    public async Task<string> RouteAsync(SocketEnvelope envelope, CancellationToken cancellationToken)
    {
        var id = envelope.EnvelopeId!;
        if (envelope.Payload is not { ValueKind: JsonValueKind.Object } payload)
        {
            return Ack(new SocketAck(id));
        }

        try
        {
            switch (envelope.Type)
            {
                case SlackWork.Events:
                    await events.AcceptAsync(payload.GetRawText(), cancellationToken);
                    break;
                case SlackWork.SlashCommands:
                    var command = payload.Deserialize(SlackJson.Default.SlashCommand);
                    var response = command is null ? null : await commands.AcceptAsync(command, cancellationToken);
                    return Ack(new SocketAck(id, envelope.AcceptsResponsePayload ? response : null));
                case SlackWork.Interactive:
                    await interactions.AcceptAsync(payload.GetRawText(), cancellationToken);
                    break;
                default:
                    LogUnknown(envelope.Type ?? "?");
                    break;
            }
        }
        catch (JsonException ex)
        {
            // Unreadable now means unreadable on redelivery too: acknowledge and drop.
            LogUnreadable(envelope.Type ?? "?", ex.Message);
        }

        return Ack(new SocketAck(id));
    }

    private static string Ack(SocketAck ack) => JsonSerializer.Serialize(ack, SlackJson.Default.SocketAck);

    [LoggerMessage(LogLevel.Information, "Socket Mode envelope of type {Type} acknowledged and ignored")]
    private partial void LogUnknown(string type);

    [LoggerMessage(LogLevel.Warning, "Socket Mode {Type} envelope unreadable, dropped: {Reason}")]
    private partial void LogUnreadable(string type, string reason);
}
