namespace StudyBot.Slack.Api;

/// <summary>assistant.threads.setStatus: "is searching…" under the thread until the next reply; "" clears it.</summary>
internal sealed record SetStatusRequest(string ChannelId, string ThreadTs, string Status);

/// <summary>assistant.threads.setSuggestedPrompts: up to four prompts under the pane's composer.</summary>
internal sealed record SetSuggestedPromptsRequest(string ChannelId, string ThreadTs, IReadOnlyList<SuggestedPrompt> Prompts, string? Title = null);

/// <summary>A suggested prompt: its label, and the message sent as the person's when it is chosen.</summary>
internal sealed record SuggestedPrompt(string Title, string Message);

/// <summary>assistant.threads.setTitle: the thread's name in the pane's history.</summary>
internal sealed record SetTitleRequest(string ChannelId, string ThreadTs, string Title);
