using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using StudyBot.Assistant.Commands;
using StudyBot.Core.Conversations;
using StudyBot.Core.Feedback;
using StudyBot.Teams.Rendering;
using StudyBot.Teams.Replies;
using StudyBot.Teams.Wire;

namespace StudyBot.Teams.Handling;

/// <summary>
/// Teams' feedback loop on an answer: message/fetchTask opens StudyBot's form, message/submitAction stores the
/// vote with its reason and words through the engine, like a vote from a feedback button anywhere else. The
/// invoke names only the answer's message (replyToId); the answer log knows which answer it carried.
/// </summary>
internal sealed partial class FeedbackInvoke(
    ConversationEngine engine,
    IncomingTranslator translate,
    IAnswerLog answers,
    ILogger<FeedbackInvoke> logger)
{
    public const string FetchTask = "message/fetchTask";
    public const string SubmitAction = "message/submitAction";

    /// <returns>The form as a dialog, or null when the invoke is not a feedback one.</returns>
    public async Task<JsonObject?> FormAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (FeedbackInvokeValue.Read(activity.Value) is not { } feedback)
        {
            return null;
        }

        var answerId = await AnswerOfAsync(activity, null, cancellationToken);
        return TaskModule.Card(FeedbackForm.Title, FeedbackForm.Render(feedback.Helpful, answerId));
    }

    /// <returns>False when the invoke is not a feedback one.</returns>
    public async Task<bool> SubmitAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (FeedbackInvokeValue.Read(activity.Value) is not { } feedback)
        {
            return false;
        }

        if (await AnswerOfAsync(activity, feedback.AnswerId, cancellationToken) is not { } answerId)
        {
            // Teams shows its own confirmation; there is nothing to store the vote against.
            LogUnknownAnswer(activity.ReplyToId ?? "(none)");
            return true;
        }

        var vote = IncomingAction.FeedbackValue(answerId, feedback.Helpful);
        await engine.HandleActionAsync(translate.Action(activity, IncomingAction.Feedback, vote), cancellationToken);
        return true;
    }

    private async Task<string?> AnswerOfAsync(Activity activity, string? fromForm, CancellationToken cancellationToken)
    {
        if (fromForm is not null)
        {
            return fromForm;
        }

        if (string.IsNullOrEmpty(activity.ReplyToId))
        {
            return null;
        }

        var conversation = TeamsAddress.Of(activity);
        return await answers.FindByMessageAsync(conversation.Channel, conversation.Id, activity.ReplyToId, cancellationToken);
    }

    [LoggerMessage(LogLevel.Warning, "Teams feedback on message {MessageId}, which carried no answer StudyBot knows; not stored")]
    private partial void LogUnknownAnswer(string messageId);
}
