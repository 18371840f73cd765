using StudyBot.Core.Conversations;
using StudyBot.Slack.Events;
using StudyBot.Slack.Intake;
using StudyBot.Slack.Rendering;
using StudyBot.Slack.WebApi;

namespace StudyBot.Slack.Replies;

/// <summary>Posts an engine reply unprompted (a quiz's next question, its results) into a Slack conversation "{channel}:{thread_ts}".</summary>
internal sealed class SlackReplyPoster(SlackApiClient api, BlockKitRenderer renderer) : IReplyPoster
{
    public string Channel => SlackWork.Channel;

    public async Task PostAsync(string conversationId, Reply reply, CancellationToken cancellationToken)
    {
        var (channel, thread) = SlackConversation.Parse(conversationId);
        foreach (var message in renderer.Render(reply))
        {
            await api.PostMessageAsync(new PostMessageRequest(channel, message.Text, message.Blocks, thread), cancellationToken);
        }
    }
}
