using System.Collections.Concurrent;
using StudyBot.Teams.Activities;

namespace StudyBot.Teams.Connector;

/// <summary>
/// The latest reference (serviceUrl, bot, conversation) of each conversation that sent a trusted activity,
/// so StudyBot can post into it unprompted. Kept in memory: after a restart a conversation is reachable
/// again from its next activity (a quiz's answers are such activities).
/// </summary>
internal sealed class ConversationReferences
{
    private readonly ConcurrentDictionary<string, ConversationReference> _references = new(StringComparer.Ordinal);

    public void Remember(Activity activity)
    {
        if (activity.Conversation?.Id is { } id && activity.ServiceUrl is not null)
        {
            _references[id] = ConversationReference.Of(activity);
        }
    }

    public ConversationReference? Find(string conversationId) => _references.GetValueOrDefault(conversationId);
}
