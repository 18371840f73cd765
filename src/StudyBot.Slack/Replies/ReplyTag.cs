using StudyBot.Slack.Api;



namespace StudyBot.Slack.Replies;

/// <summary>
/// Message metadata on every message StudyBot posts for an event, so a retry that lost its saved
/// state (a crash right after chat.postMessage) finds the message in the thread instead of posting again.
/// </summary>
internal static class ReplyTag
{
    public const string EventType = "studybot_reply";
    private const string EventIdField = "event_id";
    private const string PartField = "part";

    public static MessageMetadata For(string eventId, int part) =>
        new(EventType, new Dictionary<string, string> { [EventIdField] = eventId, [PartField] = part.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    /// <summary>The ts of StudyBot's message for this event and part in the thread, if it posted one.</summary>
    public static string? Find(IEnumerable<ThreadMessage> thread, BotIdentity bot, string eventId, int part) =>
        thread.FirstOrDefault(m => bot.Wrote(m.User, m.BotId)
            && m.Metadata is { EventType: EventType } tag
            && tag.EventPayload.TryGetValue(EventIdField, out var id) && id == eventId
            && tag.EventPayload.TryGetValue(PartField, out var p) && p == part.ToString(System.Globalization.CultureInfo.InvariantCulture))?.Ts;
}
