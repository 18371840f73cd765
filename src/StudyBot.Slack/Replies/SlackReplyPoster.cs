using StudyBot.Core.Conversations;
using StudyBot.Slack.Api;
using StudyBot.Slack.Rendering;
using StudyBot.Slack.Wire;

namespace StudyBot.Slack.Replies;

/// <summary>Posts an engine reply unprompted (a quiz's next question, its results, a re-index outcome) into a Slack channel or thread.</summary>
internal sealed class SlackReplyPoster(SlackApiClient api, BlockKitRenderer renderer) : IReplyPoster
{
    public string Channel => SlackWork.Channel;

    public async Task PostAsync(ConversationAddress conversation, Reply reply, CancellationToken cancellationToken)
    {
        foreach (var message in renderer.Render(reply))
        {
            await api.PostMessageAsync(new PostMessageRequest(conversation.Space, message.Text, message.Blocks, conversation.Thread), cancellationToken);
        }
    }
}
