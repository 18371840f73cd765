namespace StudyBot.Operations.Alerts;

/// <summary>One alert or recovery notice, channel-agnostic; <see cref="WebhookPayloads"/> renders it for Slack and Teams.</summary>
/// <param name="Problem">True for an alert, false for the recovery that ends it.</param>
public sealed record AlertMessage(string Title, string Text, bool Problem);
