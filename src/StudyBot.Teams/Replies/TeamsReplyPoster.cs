using StudyBot.Core.Conversations;
using StudyBot.Teams.Api;
using StudyBot.Teams.Authentication;
using StudyBot.Teams.Rendering;
using StudyBot.Teams.Wire;

namespace StudyBot.Teams.Replies;

/// <summary>Posts an engine reply unprompted (a quiz's next question, its results, a re-index outcome) into a Teams conversation.</summary>
internal sealed class TeamsReplyPoster(ConnectorClient connector, TrustedServiceUrls trusted, ActivityRenderer messages) : IReplyPoster
{
    public string Channel => TeamsWork.Channel;

    public async Task PostAsync(ConversationAddress conversation, Reply reply, CancellationToken cancellationToken)
    {
        var to = TeamsAddress.ReferenceOf(conversation);

        // The reference was taken from an authenticated activity; this instance may not have seen its serviceUrl yet.
        trusted.Trust(to.ServiceUrl);
        await connector.SendAsync(to, messages.Render(reply), cancellationToken);
    }
}
