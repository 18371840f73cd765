using System.Text;
using StudyBot.Core.Inbox;
using StudyBot.Slack.Wire;

namespace StudyBot.Slack.Intake;

/// <summary>Makes accepted Slack work durable in the inbox before Slack is acknowledged.</summary>
internal sealed class SlackWorkIntake(IInbox inbox)
{
    /// <summary>False when the key was accepted before (a redelivery): nothing more to do.</summary>
    public Task<bool> AcceptAsync(string key, string type, string payloadJson, CancellationToken cancellationToken)
    {
        // The payload is embedded as is, so the stored item is Slack's own JSON.
        var json = new StringBuilder(payloadJson.Length + 48)
            .Append("{\"type\":\"").Append(type).Append("\",\"payload\":").Append(payloadJson).Append('}')
            .ToString();
        return inbox.TryAcceptAsync(key, SlackWork.Channel, json, cancellationToken);
    }
}
