namespace StudyBot.Core.Conversations;

/// <summary>A button press (Block Kit action, Adaptive Card Action.Submit/Execute) in any channel.</summary>
/// <param name="ActionId">What the button does: <see cref="Feedback"/>, later quiz answers.</param>
/// <param name="Value">The button's payload, e.g. "{answerId}|up".</param>
public sealed record IncomingAction(string Channel, string ConversationId, string UserId, string ActionId, string Value, bool IsAdmin = false)
{
    public const string Feedback = "feedback";

    public static string FeedbackValue(string answerId, bool helpful) => $"{answerId}|{(helpful ? "up" : "down")}";
}
