using Microsoft.Extensions.Options;
using StudyBot.Core.Conversations;
using StudyBot.Teams.Cards;
using StudyBot.Teams.Connector;

namespace StudyBot.Teams.Handling;

/// <summary>Posts an engine reply unprompted (a quiz's next question, its results) as a card into a Teams conversation.</summary>
internal sealed class TeamsReplyPoster(ConnectorClient connector, ConversationReferences references, IOptions<TeamsOptions> options, FileLinkSigner? signer = null) : IReplyPoster
{
    public string Channel => IncomingTranslator.Channel;

    public async Task PostAsync(string conversationId, Reply reply, CancellationToken cancellationToken)
    {
        var to = references.Find(conversationId)
            ?? throw new InvalidOperationException($"No Teams conversation reference for {conversationId} since the host started; it is reachable again after its next activity.");
        await connector.SendAsync(to, AdaptiveCard.Message(ReplyCards.Render(reply, options.Value.Links(signer))), cancellationToken);
    }
}
