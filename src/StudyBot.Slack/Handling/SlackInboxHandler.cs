using System.Text.Json;
using Microsoft.Extensions.Logging;
using StudyBot.Adapters.Handling;
using StudyBot.Core.Inbox;
using StudyBot.Slack.Api;
using StudyBot.Slack.Wire;

namespace StudyBot.Slack.Handling;

/// <summary>
/// The inbox handler of channel "slack": each item goes to the handler of its type (events_api,
/// slash_commands, interactive). Permanent Slack errors (channel_not_found, invalid_auth…) are given
/// up, since no retry can fix them; transient ones are retried by the dispatcher.
/// </summary>
internal sealed class SlackInboxHandler(IEnumerable<IWorkHandler<SlackWork>> handlers, ILogger<SlackInboxHandler> logger)
    : AdapterInbox<SlackWork>(handlers, logger)
{
    public override string Channel => SlackWork.Channel;

    protected override (SlackWork? Work, string? Problem) Read(InboxItem item)
    {
        try
        {
            return (JsonSerializer.Deserialize(item.Payload, SlackJson.Default.SlackWork), null);
        }
        catch (JsonException ex)
        {
            return (null, ex.Message);
        }
    }

    protected override string? KindOf(SlackWork work) => work.Type;

    protected override string? Unrecoverable(Exception exception) => exception switch
    {
        SlackApiException { IsTransient: false } slack => $"{slack.Method} answered {slack.Error}",
        JsonException json => "unreadable payload: " + json.Message,
        _ => null,
    };
}
