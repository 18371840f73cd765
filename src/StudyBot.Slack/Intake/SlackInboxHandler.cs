using System.Text.Json;
using Microsoft.Extensions.Logging;
using StudyBot.Core.Inbox;
using StudyBot.Slack.Json;
using StudyBot.Slack.WebApi;

namespace StudyBot.Slack.Intake;

/// <summary>
/// The inbox handler of channel "slack": dispatches each item to the processor of its type. Transient
/// failures propagate, so the dispatcher retries with backoff; permanent Slack errors (channel_not_found,
/// invalid_auth…) and unreadable items are logged and given up, since no retry can fix them.
/// </summary>
internal sealed partial class SlackInboxHandler(IEnumerable<ISlackWorkProcessor> processors, ILogger<SlackInboxHandler> logger) : IInboxHandler
{
    private readonly Dictionary<string, ISlackWorkProcessor> _processors = processors.ToDictionary(p => p.Type, StringComparer.Ordinal);

    public string Channel => SlackWork.Channel;

    public async Task HandleAsync(InboxItem item, CancellationToken cancellationToken)
    {
        SlackWork? work;
        try
        {
            work = JsonSerializer.Deserialize(item.Payload, SlackJson.Default.SlackWork);
        }
        catch (JsonException ex)
        {
            LogUnreadable(item.Key, ex.Message);
            return;
        }

        if (work is null || !_processors.TryGetValue(work.Type, out var processor))
        {
            LogUnreadable(item.Key, "unknown type " + work?.Type);
            return;
        }

        try
        {
            await processor.ProcessAsync(work, item, cancellationToken);
        }
        catch (SlackApiException ex) when (!ex.IsTransient)
        {
            LogGivenUp(item.Key, ex.Method, ex.Error);
        }
        catch (JsonException ex)
        {
            LogUnreadable(item.Key, ex.Message);
        }
    }

    [LoggerMessage(LogLevel.Error, "Slack item {Key} given up: {Method} answered {Error}, which a retry cannot fix")]
    private partial void LogGivenUp(string key, string method, string error);

    [LoggerMessage(LogLevel.Error, "Slack item {Key} is unreadable and was dropped: {Reason}")]
    private partial void LogUnreadable(string key, string reason);
}
