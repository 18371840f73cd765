using System.Text.Json;
using StudyBot.Slack.Json;

namespace StudyBot.Slack.Replies;

/// <summary>
/// Progress of a reply, saved in the inbox after each visible effect, so a retry after a crash
/// updates the placeholder it already posted instead of posting again.
/// </summary>
/// <param name="PlaceholderTs">The "working" message that becomes the answer.</param>
/// <param name="PartsPosted">Continuation messages of a long answer already posted.</param>
internal sealed record ReplyState(string? PlaceholderTs = null, int PartsPosted = 0)
{
    public static ReplyState Parse(string? state)
    {
        if (string.IsNullOrEmpty(state))
        {
            return new ReplyState();
        }

        try
        {
            return JsonSerializer.Deserialize(state, SlackJson.Default.ReplyState) ?? new ReplyState();
        }
        catch (JsonException)
        {
            return new ReplyState();
        }
    }

    public string Serialize() => JsonSerializer.Serialize(this, SlackJson.Default.ReplyState);
}
