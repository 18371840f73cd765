namespace StudyBot.Slack.Api;

/// <summary>Who StudyBot is in the workspace (auth.test): its messages are recognised by user or bot id.</summary>
internal sealed record BotIdentity(string UserId, string? BotId, string? TeamId)
{
    public bool Wrote(string? user, string? botId) => user == UserId || (BotId is not null && botId == BotId);
}
