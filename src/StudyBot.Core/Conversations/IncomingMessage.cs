namespace StudyBot.Core.Conversations;

/// <summary>A message from any channel, already stripped of platform syntax such as bot mentions.</summary>
public sealed record IncomingMessage(
    string Channel,
    string ConversationId,
    string UserId,
    string Text,
    bool IsAdmin = false,
    IReadOnlyCollection<string>? Sources = null);
