using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Assistant.Commands;
using StudyBot.Core.Conversations;
using StudyBot.Core.Feedback;
using StudyBot.Slack.Api;
using StudyBot.Slack.Configuration;
using StudyBot.Slack.Rendering;
using StudyBot.Slack.Replies;
using StudyBot.Slack.Wire;

namespace StudyBot.Slack.Feedback;

/// <summary>
/// The form a 👎 opens (views.open with the click's trigger_id): what was wrong — wrong, outdated,
/// missing source, other — and free text. Its view_submission reaches the engine as the action
/// "feedback-reason", which stores the reason with the vote; the thanks is shown to the user in the
/// answer's thread. The answer, channel and thread travel in the view's private_metadata.
/// </summary>
internal sealed partial class FeedbackReasonModal(
    ConversationEngine engine,
    BlockKitRenderer renderer,
    SlackApiClient api,
    IOptions<SlackOptions> options,
    ILogger<FeedbackReasonModal> logger)
{
    public const string CallbackId = "feedback_reason";
    private const string ReasonBlock = "reason";
    private const string ReasonAction = "kind";
    private const string CommentBlock = "comment";
    private const string CommentAction = "text";

    /// <summary>Opens the form for the 👎 just given; false when Slack refused (e.g. the trigger expired), the vote standing without a reason.</summary>
    public async Task<bool> TryOpenAsync(string triggerId, string answerId, string channel, string? thread, CancellationToken cancellationToken)
    {
        try
        {
            await api.OpenViewAsync(new OpenViewRequest(triggerId, View(answerId, channel, thread)), cancellationToken);
            return true;
        }
        catch (SlackApiException ex) when (!ex.IsTransient)
        {
            LogNotOpened(ex.Error);
            return false;
        }
    }

    /// <summary>Stores the submitted reason through the engine and thanks the user privately in the answer's thread.</summary>
    public async Task SubmitAsync(InteractionPayload payload, CancellationToken cancellationToken)
    {
        var metadata = (payload.View?.PrivateMetadata ?? "").Split('|');
        var kind = payload.View?.State?.ValueOf(ReasonBlock, ReasonAction);
        if (payload.User?.Id is not { } user || metadata.Length != 3 || !FeedbackReason.TryParseKind(kind, out var reason))
        {
            LogMalformed();
            return;
        }

        var (answerId, channel, thread) = (metadata[0], metadata[1], metadata[2].Length > 0 ? metadata[2] : null);
        var comment = payload.View!.State!.ValueOf(CommentBlock, CommentAction);
        var reply = await engine.HandleActionAsync(
            new IncomingAction(
                SlackAddress.Of(channel, thread), user, IncomingAction.FeedbackReason,
                IncomingAction.FeedbackReasonValue(answerId, new FeedbackReason(reason, comment)), options.Value.IsAdmin(user)),
            cancellationToken);
        foreach (var message in renderer.Render(reply))
        {
            try
            {
                await api.PostEphemeralAsync(new PostEphemeralRequest(channel, user, message.Text, message.Blocks, thread), cancellationToken);
            }
            catch (SlackApiException ex) when (!ex.IsTransient)
            {
                // The reason is stored; only the thanks did not reach the user (e.g. StudyBot left the channel).
                LogThanksRefused(ex.Error);
            }
        }
    }

    private static SlackView View(string answerId, string channel, string? thread) => new(
        "modal",
        [
            new SectionBlock(TextObject.Mrkdwn("Thanks for the 👎. What was wrong with the answer? It goes into the knowledge-gap report for whoever keeps the docs.")),
            new InputBlock(
                TextObject.Plain("What was wrong"),
                new RadioButtonsElement(ReasonAction, Enum.GetValues<FeedbackReasonKind>()
                    .Select(k => new OptionObject(TextObject.Plain(FeedbackReason.Label(k)), FeedbackReason.NameOf(k))).ToList())) { BlockId = ReasonBlock },
            new InputBlock(
                TextObject.Plain("Anything to add?"),
                new PlainTextInputElement(CommentAction, Multiline: true, MaxLength: FeedbackReason.MaxCommentLength, TextObject.Plain("What should it have said, or where is it written?")),
                Optional: true) { BlockId = CommentBlock },
        ],
        Title: TextObject.Plain("Not helpful"),
        Submit: TextObject.Plain("Send"),
        Close: TextObject.Plain("Skip"),
        CallbackId: CallbackId,
        PrivateMetadata: $"{answerId}|{channel}|{thread}");

    [LoggerMessage(LogLevel.Information, "Slack views.open refused ({Error}): the 👎 stands without a reason")]
    private partial void LogNotOpened(string error);

    [LoggerMessage(LogLevel.Warning, "Slack feedback form submitted without its answer or reason; ignored")]
    private partial void LogMalformed();

    [LoggerMessage(LogLevel.Information, "Slack chat.postEphemeral refused ({Error}) for the feedback thanks; the reason is stored")]
    private partial void LogThanksRefused(string error);
}
