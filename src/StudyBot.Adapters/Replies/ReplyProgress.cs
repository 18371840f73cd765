using System.Text.Json;
using System.Text.Json.Serialization;
using StudyBot.Core.Inbox;

namespace StudyBot.Adapters.Replies;

/// <summary>
/// How far the reply to an inbox item got, saved with the item after each visible effect, so a retry
/// after a crash updates the message it already posted instead of posting again.
/// </summary>
/// <param name="MessageId">The platform's id of the first message posted for the item (Slack's placeholder ts, the Teams reply's activity id).</param>
/// <param name="Posted">Messages of the reply already posted (a long reply is several); a retry goes on with the next.</param>
/// <param name="StreamId">The message the reply was streaming into (Slack's chat.startStream ts): a retry finishes that message instead of starting another stream.</param>
public sealed record ReplyProgress(string? MessageId = null, int Posted = 0, string? StreamId = null)
{
    /// <summary>The progress saved with the item; none when it has none or it is unreadable.</summary>
    public static ReplyProgress Of(InboxItem item)
    {
        if (string.IsNullOrEmpty(item.State))
        {
            return new ReplyProgress();
        }

        try
        {
            return JsonSerializer.Deserialize(item.State, ReplyProgressJson.Default.ReplyProgress) ?? new ReplyProgress();
        }
        catch (JsonException)
        {
            return new ReplyProgress();
        }
    }

    public Task SaveAsync(IInbox inbox, InboxItem item, CancellationToken cancellationToken) =>
        inbox.SaveStateAsync(item.Key, JsonSerializer.Serialize(this, ReplyProgressJson.Default.ReplyProgress), cancellationToken);
}

[JsonSerializable(typeof(ReplyProgress))]
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
internal sealed partial class ReplyProgressJson : JsonSerializerContext;
