using System.Text.Json;
using StudyBot.Core.Inbox;
using StudyBot.Teams.Activities;
using StudyBot.Teams.Connector;

namespace StudyBot.Teams.Handling;

/// <summary>
/// Sends the one reply an inbox item produces, so that it appears once even if the process dies mid-way:
/// the id of the sent message is saved with the item, and a retry updates that message instead of
/// sending another.
/// </summary>
internal sealed class ReplyDelivery(ConnectorClient connector, IInbox inbox)
{
    /// <param name="replyToId">The activity to thread under; null sends a new message to the conversation.</param>
    public async Task DeliverAsync(InboxItem item, ConversationReference to, string? replyToId, Activity reply, CancellationToken cancellationToken)
    {
        if (DeliveryState.Read(item.State)?.SentActivityId is { } sent)
        {
            await connector.UpdateAsync(to, sent, reply, cancellationToken);
            return;
        }

        var id = replyToId is null
            ? await connector.SendAsync(to, reply, cancellationToken)
            : await connector.ReplyAsync(to, replyToId, reply, cancellationToken);
        if (id is not null)
        {
            await inbox.SaveStateAsync(item.Key, new DeliveryState(id).Write(), cancellationToken);
        }
    }

    /// <summary>Whether a reply was already sent for this item (then no typing indicator is needed).</summary>
    public static bool AlreadySent(InboxItem item) => DeliveryState.Read(item.State)?.SentActivityId is not null;
}

/// <summary>What <see cref="ReplyDelivery"/> keeps with an inbox item.</summary>
internal sealed record DeliveryState(string? SentActivityId)
{
    public static DeliveryState? Read(string? state)
    {
        if (string.IsNullOrEmpty(state))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(state, DeliveryStateJson.Default.DeliveryState);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public string Write() => JsonSerializer.Serialize(this, DeliveryStateJson.Default.DeliveryState);
}

[System.Text.Json.Serialization.JsonSerializable(typeof(DeliveryState))]
[System.Text.Json.Serialization.JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
internal sealed partial class DeliveryStateJson : System.Text.Json.Serialization.JsonSerializerContext;
