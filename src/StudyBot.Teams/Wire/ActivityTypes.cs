namespace StudyBot.Teams.Wire;

internal static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string Invoke = "invoke";
    public const string Typing = "typing";

    /// <summary>Invoke name of Adaptive Card Universal Actions (Action.Execute).</summary>
    public const string AdaptiveCardAction = "adaptiveCard/action";

    /// <summary>Invoke name of an Action.Submit suggested action pressed.</summary>
    public const string SuggestedActionSubmit = "suggestedAction/submit";
}
