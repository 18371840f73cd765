using System.Text;
using Microsoft.Extensions.Logging;
using StudyBot.Adapters.Handling;
using StudyBot.Core.Inbox;
using StudyBot.Teams.Api;
using StudyBot.Teams.Authentication;
using StudyBot.Teams.MessageActions;
using StudyBot.Teams.Rendering;
using StudyBot.Teams.Wire;

namespace StudyBot.Teams.Handling;

/// <summary>
/// The inbox handler of channel "teams": each accepted activity goes to the handler of its kind (welcome,
/// question, button press). A Connector refusal that no retry can fix (the bot was removed, the
/// conversation is gone) is given up; transient failures are retried by the dispatcher.
/// </summary>
internal sealed class TeamsInboxHandler(IEnumerable<IWorkHandler<Activity>> handlers, TrustedServiceUrls trusted, ILogger<TeamsInboxHandler> logger)
    : AdapterInbox<Activity>(handlers, logger)
{
    public override string Channel => TeamsWork.Channel;

    protected override (Activity? Work, string? Problem) Read(InboxItem item)
    {
        var parsed = ActivityParser.Parse(Encoding.UTF8.GetBytes(item.Payload));
        if (parsed.Activity is { } activity)
        {
            // Only authenticated activities enter the inbox, so their serviceUrl stays trusted across restarts.
            trusted.Trust(activity.ServiceUrl!);
        }

        return (parsed.Activity, parsed.Error);
    }

    protected override string? KindOf(Activity activity) => activity.Type switch
    {
        ActivityTypes.ConversationUpdate when WelcomeHandler.Welcomes(activity) => TeamsWork.Welcome,
        ActivityTypes.Invoke when activity.Name == AskAboutMessage.SubmitAction => TeamsWork.PostAnswer,
        ActivityTypes.Message or ActivityTypes.Invoke when CardAction.TryRead(activity.Value, out _, out _) => TeamsWork.ButtonPress,

        // Another card's Action.Submit carries data but no text: nothing to answer.
        ActivityTypes.Message when string.IsNullOrWhiteSpace(activity.Text) && activity.Value is not null => null,
        ActivityTypes.Message => TeamsWork.Question,
        _ => null,
    };

    protected override string? Unrecoverable(Exception exception) =>
        exception is ConnectorException { IsPermanent: true } refused ? $"the Connector answered {(int)refused.Status!}" : null;
}
