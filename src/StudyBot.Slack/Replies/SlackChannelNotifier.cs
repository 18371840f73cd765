using StudyBot.Core.Admin;
using StudyBot.Slack.Intake;
using StudyBot.Slack.Rendering;
using StudyBot.Slack.WebApi;

namespace StudyBot.Slack.Replies;

/// <summary>Posts unprompted messages (a re-index finished) into the channel, or the thread, a request came from.</summary>
internal sealed class SlackChannelNotifier(SlackApiClient api) : IChannelNotifier
{
    public string Channel => SlackWork.Channel;

    /// <summary>"C123" for a channel, "C123:1712345678.000100" for a thread.</summary>
    public static string Address(string channel, string? threadTs) => threadTs is null ? channel : $"{channel}:{threadTs}";

    public async Task NotifyAsync(string replyAddress, string text, CancellationToken cancellationToken)
    {
        var separator = replyAddress.IndexOf(':', StringComparison.Ordinal);
        var channel = separator < 0 ? replyAddress : replyAddress[..separator];
        var threadTs = separator < 0 ? null : replyAddress[(separator + 1)..];
        await api.PostMessageAsync(new PostMessageRequest(channel, Mrkdwn.Escape(text), ThreadTs: threadTs), cancellationToken);
    }
}
