using System.Text.Json;
using StudyBot.Core.Conversations;
using StudyBot.Teams.Wire;

namespace StudyBot.Teams.Replies;

/// <summary>
/// A Teams conversation's address: the chat or channel is its space, a channel thread's root message its
/// thread, and the conversation reference (serviceUrl, bot, conversation) travels along as JSON, so any
/// instance can post there later, also after a restart (botbuilder's ContinueConversation does the same).
/// </summary>
internal static class TeamsAddress
{
    /// <summary>Teams names a channel thread "{channel conversation id};messageid={root message id}".</summary>
    private const string ThreadMarker = ";messageid=";

    public static ConversationAddress Of(Activity activity)
    {
        var id = activity.Conversation!.Id!;
        var marker = id.IndexOf(ThreadMarker, StringComparison.Ordinal);
        var (space, thread) = marker < 0 ? (id, null) : (id[..marker], id[(marker + ThreadMarker.Length)..]);
        var reference = JsonSerializer.Serialize(ConversationReference.Of(activity), TeamsJson.Default.ConversationReference);
        return new ConversationAddress(TeamsWork.Channel, space, thread, reference);
    }

    /// <exception cref="ArgumentException">The address was not made by <see cref="Of"/>.</exception>
    public static ConversationReference ReferenceOf(ConversationAddress address)
    {
        if (address.Channel != TeamsWork.Channel || string.IsNullOrEmpty(address.Reference))
        {
            throw new ArgumentException($"{address.Channel} conversation {address.Id} carries no Teams conversation reference.", nameof(address));
        }

        return JsonSerializer.Deserialize(address.Reference, TeamsJson.Default.ConversationReference)
            ?? throw new ArgumentException($"Teams conversation {address.Id} has an empty reference.", nameof(address));
    }
}
