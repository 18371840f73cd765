using Microsoft.Extensions.Logging;
using StudyBot.Slack.Api;
using StudyBot.Slack.Rendering;
using StudyBot.Slack.Wire;

namespace StudyBot.Slack.Shortcuts;

/// <summary>
/// Shows a message to one person only: through the interaction's response_url, as Slack's shortcut
/// documentation suggests, else (no URL, or one that expired) with chat.postEphemeral in the thread.
/// </summary>
internal sealed partial class PrivateReply(ResponseUrlClient responses, SlackApiClient api, ILogger<PrivateReply> logger)
{
    public async Task SendAsync(InteractionPayload payload, string threadTs, SlackMessage message, bool replaceOriginal, CancellationToken cancellationToken)
    {
        if (Uri.TryCreate(payload.ResponseUrl, UriKind.Absolute, out var url) && url.Scheme is "https" or "http")
        {
            try
            {
                await responses.RespondAsync(url, new CommandResponse(CommandResponse.Ephemeral, message.Text, message.Blocks, replaceOriginal), cancellationToken);
                return;
            }
            catch (SlackApiException ex) when (ex.Error is "expired_url" or "used_url" or "http_404")
            {
                LogResponseUrlGone(ex.Error);
            }
        }

        await api.PostEphemeralAsync(new PostEphemeralRequest(payload.ChannelId!, payload.User!.Id!, message.Text, message.Blocks, threadTs), cancellationToken);
    }

    [LoggerMessage(LogLevel.Information, "Slack response_url no longer usable ({Error}); answering with chat.postEphemeral")]
    private partial void LogResponseUrlGone(string error);
}
