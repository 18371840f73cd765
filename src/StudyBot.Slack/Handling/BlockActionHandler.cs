using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Adapters.Handling;
using StudyBot.Assistant.Commands;
using StudyBot.Core.Conversations;
using StudyBot.Core.Inbox;
using StudyBot.Slack.Api;
using StudyBot.Slack.Configuration;
using StudyBot.Slack.Feedback;
using StudyBot.Slack.Home;
using StudyBot.Slack.Rendering;
using StudyBot.Slack.Replies;
using StudyBot.Slack.Wire;

namespace StudyBot.Slack.Handling;

/// <summary>
/// Hands pressed buttons to the engine (feedback_buttons → action "feedback" with the pressed
/// button's value) and shows its reply to the person who pressed, as an ephemeral message in the
/// same thread; a 👎 opens the reason form instead. Submitted reason forms go to <see cref="FeedbackReasonModal"/>,
/// the Home tab's "Start a review" to <see cref="AppHome"/>.
/// </summary>
internal sealed partial class BlockActionHandler(
    ConversationEngine engine,
    BlockKitRenderer renderer,
    SlackApiClient api,
    ResponseUrlClient responses,
    FeedbackReasonModal reasons,
    AppHome home,
    IOptions<SlackOptions> options,
    ILogger<BlockActionHandler> logger) : IWorkHandler<SlackWork>
{
    public string Kind => SlackWork.Interactive;

    public async Task HandleAsync(SlackWork work, InboxItem item, CancellationToken cancellationToken)
    {
        var payload = work.Payload.Deserialize(SlackJson.Default.InteractionPayload);
        if (payload?.Type == InteractionPayload.ViewSubmission && payload.View?.CallbackId == FeedbackReasonModal.CallbackId)
        {
            await reasons.SubmitAsync(payload, cancellationToken);
            return;
        }

        if (payload is { Actions: [{ ActionId: AppHome.StartReviewActionId }, ..], User.Id: { } reviewer, View.PrivateMetadata: { Length: > 0 } direct })
        {
            await home.StartReviewAsync(reviewer, direct, item, cancellationToken);
            return;
        }

        if (payload?.User?.Id is not { } user || payload.ChannelId is not { } channel)
        {
            return;
        }

        foreach (var action in payload.Actions ?? [])
        {
            var actionId = (action.ActionId ?? "").Split(':')[0];
            var reply = await engine.HandleActionAsync(
                new IncomingAction(SlackAddress.Of(channel, payload.ThreadTs), user, actionId, action.ChosenValue, options.Value.IsAdmin(user)),
                cancellationToken);
            if (IsThumbsDown(actionId, action.ChosenValue) && payload.TriggerId is { } trigger && reply is NoticeReply
                && await reasons.TryOpenAsync(trigger, action.ChosenValue[..^"|down".Length], channel, payload.ThreadTs, cancellationToken))
            {
                LogAction(actionId, "the reason form");
                continue;
            }

            foreach (var message in renderer.Render(reply))
            {
                await ShowAsync(payload, channel, user, message, cancellationToken);
            }

            LogAction(actionId, reply.GetType().Name);
        }
    }

    private static bool IsThumbsDown(string actionId, string value) =>
        actionId == IncomingAction.Feedback && value.EndsWith("|down", StringComparison.Ordinal);

    private async Task ShowAsync(InteractionPayload payload, string channel, string user, SlackMessage message, CancellationToken cancellationToken)
    {
        try
        {
            var thread = payload.Message?.ThreadTs ?? payload.Container?.ThreadTs;
            await api.PostEphemeralAsync(new PostEphemeralRequest(channel, user, message.Text, message.Blocks, thread), cancellationToken);
        }
        catch (SlackApiException ex) when (!ex.IsTransient && Uri.TryCreate(payload.ResponseUrl, UriKind.Absolute, out var url))
        {
            // Not in the channel (e.g. under an ephemeral slash command answer): the interaction's response_url still reaches the user.
            LogFallback(ex.Error);
            await responses.RespondAsync(url, new CommandResponse(CommandResponse.Ephemeral, message.Text, message.Blocks, ReplaceOriginal: false), cancellationToken);
        }
    }

    [LoggerMessage(LogLevel.Information, "Slack action {ActionId} handled with {Reply}")]
    private partial void LogAction(string actionId, string reply);

    [LoggerMessage(LogLevel.Information, "Slack chat.postEphemeral refused ({Error}); answering through the response_url")]
    private partial void LogFallback(string error);
}
