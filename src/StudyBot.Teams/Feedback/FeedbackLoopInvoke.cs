using Microsoft.Extensions.Logging;
using StudyBot.Assistant.Commands;
using StudyBot.Core.Conversations;
using StudyBot.Core.Feedback;
using StudyBot.Teams.Handling;
using StudyBot.Teams.Replies;
using StudyBot.Teams.Wire;

namespace StudyBot.Teams.Feedback;

/// <summary>
/// Teams' feedback loop on an answer (msteams-docs "Bot messages with AI-generated content"): message/fetchTask
/// opens <see cref="FeedbackForm"/>; message/submitAction stores the vote and its reason through the engine's
/// feedback and feedback-reason actions, as Slack's buttons and reason form do. The invokes name only the
/// answer's message (replyToId); the answer log knows which answer it carried. Storing is one vote per user and
/// answer, so a redelivered submit changes nothing.
/// </summary>
internal sealed partial class FeedbackLoopInvoke(
    ConversationEngine engine,
    IncomingTranslator translate,
    IAnswerLog answers,
    ILogger<FeedbackLoopInvoke> logger)
{
    public const string FetchTask = "message/fetchTask";
    public const string SubmitAction = "message/submitAction";

    /// <returns>The dialog to show, or null when the invoke is no feedback one.</returns>
    public async Task<System.Text.Json.Nodes.JsonObject?> FormAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (FeedbackLoopValue.Read(activity.Value) is not { } feedback)
        {
            return null;
        }

        return await AnswerOfAsync(activity, cancellationToken) is null
            ? TaskModule.Message("That message carries no answer StudyBot still knows.")
            : TaskModule.Card(FeedbackForm.Title, FeedbackForm.Render(feedback.Helpful));
    }

    /// <returns>False when the invoke is no feedback one.</returns>
    public async Task<bool> SubmitAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (FeedbackLoopValue.Read(activity.Value) is not { } feedback)
        {
            return false;
        }

        if (await AnswerOfAsync(activity, cancellationToken) is not { } answerId)
        {
            LogUnknownAnswer(activity.ReplyToId ?? "(none)");
            return true;
        }

        await engine.HandleActionAsync(translate.Action(activity, ActionOf(feedback), ValueOf(answerId, feedback)), cancellationToken);
        return true;
    }

    /// <summary>A 👎 with a reason or words is a feedback reason (other when Teams' own form gave words alone); else a plain vote.</summary>
    private static string ActionOf(FeedbackLoopValue feedback) =>
        !feedback.Helpful && (feedback.Reason is not null || !string.IsNullOrWhiteSpace(feedback.Text)) ? IncomingAction.FeedbackReason : IncomingAction.Feedback;

    private static string ValueOf(string answerId, FeedbackLoopValue feedback)
    {
        if (ActionOf(feedback) == IncomingAction.Feedback)
        {
            return IncomingAction.FeedbackValue(answerId, feedback.Helpful);
        }

        var kind = FeedbackReason.TryParseKind(feedback.Reason, out var parsed) ? parsed : FeedbackReasonKind.Other;
        return IncomingAction.FeedbackReasonValue(answerId, new FeedbackReason(kind, feedback.Text));
    }

    private async Task<string?> AnswerOfAsync(Activity activity, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(activity.ReplyToId)
            ? null
            : await answers.FindByMessageAsync(TeamsWork.Channel, TeamsAddress.Of(activity).Id, activity.ReplyToId, cancellationToken);

    [LoggerMessage(LogLevel.Warning, "Teams feedback on message {MessageId}, which carries no answer StudyBot knows; not stored")]
    private partial void LogUnknownAnswer(string messageId);
}
