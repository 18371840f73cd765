using StudyBot.Slack.Wire;

namespace StudyBot.Slack.Shortcuts;

/// <summary>
/// The "Ask StudyBot about this message" message shortcut (callback_id ask_studybot in the manifests) and
/// the "Share in thread" button under the answer it shows privately.
/// </summary>
internal static class MessageShortcut
{
    public const string CallbackId = "ask_studybot";
    public const string ShareActionId = "share_answer";

    /// <summary>The inbox type of a shortcut or share payload; null for any other interaction.</summary>
    public static string? KindOf(InteractionPayload payload)
    {
        if (payload.User?.Id is null || string.IsNullOrEmpty(payload.TriggerId))
        {
            return null;
        }

        if (payload.Type == InteractionPayload.MessageAction)
        {
            return payload.CallbackId == CallbackId && payload.Message?.Ts is not null && payload.ChannelId is not null ? SlackWork.MessageShortcuts : null;
        }

        return payload.Type == InteractionPayload.BlockActions && payload.Actions is [{ ActionId: ShareActionId }, ..] ? SlackWork.SharedAnswers : null;
    }

    /// <summary>The share button's value: the answer in the answer log and the thread to share it in.</summary>
    public static string ShareValue(string answerId, string threadTs) => answerId + ":" + threadTs;

    public static (string AnswerId, string ThreadTs)? ParseShareValue(string value) =>
        value.Split(':') is [{ Length: > 0 } answerId, { Length: > 0 } threadTs] ? (answerId, threadTs) : null;
}
