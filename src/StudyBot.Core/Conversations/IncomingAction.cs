namespace StudyBot.Core.Conversations;

/// <summary>A button press (Block Kit action, Adaptive Card Action.Submit/Execute) in any channel.</summary>
/// <param name="Address">The conversation the pressed button is in.</param>
/// <param name="ActionId">What the button does: <see cref="Feedback"/>, a quiz answer…</param>
/// <param name="Value">The button's payload, e.g. "{answerId}|up".</param>
/// <param name="ChannelUserId">The presser's id on the chat platform when it differs from <paramref name="UserId"/> (Teams: the "29:…" id its cards address users by).</param>
public sealed record IncomingAction(ConversationAddress Address, string UserId, string ActionId, string Value, bool IsAdmin = false, string? ChannelUserId = null)
{
    public const string Feedback = "feedback";

    /// <summary>Why a 👎 was given (a form submitted after the vote); the value is <see cref="FeedbackReasonValue"/>.</summary>
    public const string FeedbackReason = "feedback-reason";

    public string Channel => Address.Channel;

    public static string FeedbackValue(string answerId, bool helpful) => $"{answerId}|{(helpful ? "up" : "down")}";

    /// <summary>"{answerId}|{kind}|{comment}": the comment comes last, so it may hold any character.</summary>
    public static string FeedbackReasonValue(string answerId, Feedback.FeedbackReason reason) => $"{answerId}|{reason.Name}|{reason.Comment}";
}
