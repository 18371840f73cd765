using Microsoft.Extensions.Primitives;

namespace StudyBot.Slack.Wire;

/// <summary>A slash command invocation: form fields over HTTP, the same names as JSON in Socket Mode.</summary>
internal sealed record SlashCommand(
    string? Command,
    string? Text,
    string? UserId,
    string? UserName,
    string? ChannelId,
    string? ChannelName,
    string? TeamId,
    string? ResponseUrl,
    string? TriggerId)
{
    public static SlashCommand FromForm(IReadOnlyDictionary<string, StringValues> form)
    {
        string? Field(string name) => form.TryGetValue(name, out var value) ? value.ToString() : null;
        return new SlashCommand(
            Field("command"), Field("text"), Field("user_id"), Field("user_name"), Field("channel_id"),
            Field("channel_name"), Field("team_id"), Field("response_url"), Field("trigger_id"));
    }

    public bool IsComplete => !string.IsNullOrEmpty(UserId) && !string.IsNullOrEmpty(ChannelId) && !string.IsNullOrEmpty(TriggerId);
}
