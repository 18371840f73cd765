using StudyBot.Slack.Rendering;




namespace StudyBot.Slack.Wire;

/// <summary>A message sent as a slash command's acknowledgement body or to its response_url.</summary>
/// <param name="ResponseType">"ephemeral" (only the user sees it) or "in_channel".</param>
/// <param name="ReplaceOriginal">True replaces the message the command produced (the "working" acknowledgement).</param>
internal sealed record CommandResponse(string ResponseType, string Text, IReadOnlyList<Block>? Blocks = null, bool? ReplaceOriginal = null)
{
    public const string Ephemeral = "ephemeral";

    public const string InChannel = "in_channel";
}
