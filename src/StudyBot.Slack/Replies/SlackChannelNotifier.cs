using StudyBot.Core.Admin;
using StudyBot.Slack.Events;
using StudyBot.Slack.Intake;
using StudyBot.Slack.Rendering;
using StudyBot.Slack.WebApi;

namespace StudyBot.Slack.Replies;

/// <summary>Posts unprompted messages (a re-index finished) into the channel, or the thread, a request came from.</summary>
internal sealed class SlackChannelNotifier(SlackApiClient api) : IChannelNotifier
{
    public string Channel => SlackWork.Channel;

    public async Task NotifyAsync(string replyAddress, string text, CancellationToken cancellationToken)
    {
        var (channel, threadTs) = SlackConversation.Parse(replyAddress);
        await api.PostMessageAsync(new PostMessageRequest(channel, Mrkdwn.Escape(text), ThreadTs: threadTs), cancellationToken);
    }
}
