using System.Text.Json;
using StudyBot.Core.Admin;
using StudyBot.Teams.Activities;
using StudyBot.Teams.Connector;

namespace StudyBot.Teams.Handling;

/// <summary>
/// Posts unprompted messages (a re-index finished) into the conversation a request came from. The
/// reply address is the request's conversation reference as JSON, so any instance can post it, also
/// after a restart.
/// </summary>
internal sealed class TeamsChannelNotifier(ConnectorClient connector, TrustedServiceUrls trusted) : IChannelNotifier
{
    public string Channel => IncomingTranslator.Channel;

    public static string Address(ConversationReference reference) =>
        JsonSerializer.Serialize(reference, TeamsJson.Default.ConversationReference);

    public async Task NotifyAsync(string replyAddress, string text, CancellationToken cancellationToken)
    {
        var to = JsonSerializer.Deserialize(replyAddress, TeamsJson.Default.ConversationReference)
            ?? throw new ArgumentException("empty Teams reply address", nameof(replyAddress));

        // The address was taken from an authenticated activity; this instance may not have seen its serviceUrl yet.
        trusted.Trust(to.ServiceUrl);
        await connector.SendAsync(to, new Activity { Type = ActivityTypes.Message, Text = text, TextFormat = "markdown" }, cancellationToken);
    }
}
