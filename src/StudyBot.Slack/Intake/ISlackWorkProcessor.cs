using StudyBot.Core.Inbox;

namespace StudyBot.Slack.Intake;

/// <summary>Processes one type of accepted Slack work (<see cref="SlackWork.Type"/>) in the background.</summary>
internal interface ISlackWorkProcessor
{
    string Type { get; }

    Task ProcessAsync(SlackWork work, InboxItem item, CancellationToken cancellationToken);
}
