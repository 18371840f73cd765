using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Slack.Api;
using StudyBot.Slack.Configuration;
using StudyBot.Slack.Wire;

namespace StudyBot.Slack.Intake;

/// <summary>
/// Events API intake, shared by POST /slack/events and Socket Mode: answers url_verification, drops
/// events that are no question and no assistant pane event, and stores the rest in the inbox under their event_id.
/// </summary>
internal sealed partial class EventIntake(
    SlackWorkIntake intake, SlackBotIdentity identity, IOptions<SlackOptions> options, ILogger<EventIntake> logger)
{
    /// <exception cref="JsonException">The body is not an Events API payload.</exception>
    public async Task<EventOutcome> AcceptAsync(string json, CancellationToken cancellationToken)
    {
        var callback = JsonSerializer.Deserialize(json, SlackJson.Default.EventCallback) ?? throw new JsonException("empty body");
        if (callback.Type == EventCallback.UrlVerification)
        {
            return new EventOutcome(EventDisposition.Challenge, callback.Challenge ?? "");
        }

        var e = callback.Event;
        if (callback.Type != EventCallback.Callback || string.IsNullOrEmpty(callback.EventId) || e is null)
        {
            LogSkipped(callback.Type ?? "?", callback.EventId ?? "", "not an event callback");
            return new EventOutcome(EventDisposition.Ignored);
        }

        if (e.AssistantThread is { ChannelId: not null, ThreadTs: not null } && e.Type is AssistantThread.Started or AssistantThread.ContextChanged)
        {
            return await AcceptAsync(callback.EventId, SlackWork.AssistantThreads, json, cancellationToken);
        }

        if (e.Type == SlackEvent.AppHomeOpened)
        {
            return e is { Tab: "home", User: not null, Channel: not null }
                ? await AcceptAsync(callback.EventId, SlackWork.AppHome, json, cancellationToken)
                : new EventOutcome(EventDisposition.Ignored);
        }

        var kind = QuestionFilter.Classify(e, options.Value.ForChannel(e.Channel ?? ""), identity.Known);
        if (kind == QuestionKind.None)
        {
            LogSkipped(e.Type ?? "?", callback.EventId, e.Subtype ?? "not a question");
            return new EventOutcome(EventDisposition.Ignored);
        }

        return await AcceptAsync(callback.EventId, SlackWork.Events, json, cancellationToken);
    }

    private async Task<EventOutcome> AcceptAsync(string eventId, string type, string json, CancellationToken cancellationToken)
    {
        var accepted = await intake.AcceptAsync(eventId, type, json, cancellationToken);
        if (!accepted)
        {
            LogRedelivery(eventId);
        }

        return new EventOutcome(accepted ? EventDisposition.Accepted : EventDisposition.Redelivery);
    }

    [LoggerMessage(LogLevel.Debug, "Slack {Type} {EventId} skipped: {Reason}")]
    private partial void LogSkipped(string type, string eventId, string reason);

    [LoggerMessage(LogLevel.Information, "Slack event {EventId} was accepted before; redelivery acknowledged")]
    private partial void LogRedelivery(string eventId);
}

internal enum EventDisposition
{
    Challenge,
    Ignored,
    Accepted,
    Redelivery,
}

internal sealed record EventOutcome(EventDisposition Disposition, string? Challenge = null);
