using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StudyBot.Core.Inbox;
using StudyBot.Teams.Activities;
using StudyBot.Teams.Cards;
using StudyBot.Teams.Connector;
using StudyBot.Teams.Replies;

namespace StudyBot.Teams.Handling;

/// <summary>
/// Processes accepted Teams activities from the inbox, one small handler per kind, each resolved in a scope
/// of its own so a long-lived dispatcher never holds on to a typed HttpClient.
/// </summary>
internal sealed partial class TeamsInboxHandler(
    IServiceScopeFactory scopes,
    TrustedServiceUrls trusted,
    ILogger<TeamsInboxHandler> logger) : IInboxHandler
{
    public string Channel => TeamsAddress.Channel;

    public async Task HandleAsync(InboxItem item, CancellationToken cancellationToken)
    {
        var parsed = ActivityParser.Parse(Encoding.UTF8.GetBytes(item.Payload));
        if (parsed.Activity is not { } activity)
        {
            LogUnreadable(item.Key, parsed.Error);
            return;
        }

        // Only authenticated activities enter the inbox, so their serviceUrl stays trusted across restarts.
        trusted.Trust(activity.ServiceUrl!);
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        try
        {
            if (activity.Type == ActivityTypes.ConversationUpdate)
            {
                await services.GetRequiredService<WelcomeHandler>().HandleAsync(item, activity, cancellationToken);
            }
            else if (activity.Type == ActivityTypes.Message && CardAction.TryRead(activity.Value, out var actionId, out var value))
            {
                await services.GetRequiredService<SubmitActionHandler>().HandleAsync(item, activity, actionId, value, cancellationToken);
            }
            else if (activity.Type == ActivityTypes.Message && string.IsNullOrWhiteSpace(activity.Text) && activity.Value is not null)
            {
                LogForeignSubmit(item.Key); // another card's Action.Submit: nothing to answer
            }
            else if (activity.Type == ActivityTypes.Message)
            {
                await services.GetRequiredService<QuestionHandler>().HandleAsync(item, activity, cancellationToken);
            }
        }
        catch (ConnectorException ex) when (ex.IsPermanent)
        {
            // Retrying cannot help (the bot was removed, the conversation is gone); the item is done.
            LogGaveUp(ex, item.Key, (int)ex.Status!);
        }
    }

    [LoggerMessage(LogLevel.Error, "Teams inbox item {Key} is not a readable activity: {Error}")]
    private partial void LogUnreadable(string key, string? error);

    [LoggerMessage(LogLevel.Information, "Teams activity {Key} carries card data StudyBot does not know; ignored")]
    private partial void LogForeignSubmit(string key);

    [LoggerMessage(LogLevel.Warning, "Gave up replying to Teams activity {Key}: the Connector answered {Status}")]
    private partial void LogGaveUp(Exception exception, string key, int status);
}
