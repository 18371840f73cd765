using System.Text.Json;
using StudyBot.Adapters.Handling;
using StudyBot.Core.Inbox;
using StudyBot.Slack.Wire;

namespace StudyBot.Slack.Home;

/// <summary>An accepted app_home_opened (Home tab): publishes the user's Home tab.</summary>
internal sealed class AppHomeHandler(AppHome home) : IWorkHandler<SlackWork>
{
    public string Kind => SlackWork.AppHome;

    public async Task HandleAsync(SlackWork work, InboxItem item, CancellationToken cancellationToken)
    {
        if (work.Payload.Deserialize(SlackJson.Default.EventCallback)?.Event is { User: { } user, Channel: { } channel })
        {
            await home.PublishAsync(user, channel, cancellationToken);
        }
    }
}
