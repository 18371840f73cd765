using System.Text.Json.Nodes;
using StudyBot.Assistant.Commands;
using StudyBot.Core.Conversations;
using StudyBot.Core.Feedback;
using StudyBot.Teams.Rendering;
using StudyBot.Teams.Wire;

namespace StudyBot.Teams.Handling;

/// <summary>
/// An Action.Execute press (adaptiveCard/action invoke), answered in the HTTP response: feedback refreshes the
/// answer card for the voter with the engine's confirmation in place of the buttons; other replies become a message.
/// </summary>
internal sealed class CardActionInvoke(
    ConversationEngine engine,
    IncomingTranslator translate,
    IAnswerLog answers,
    AdaptiveCardRenderer cards)
{
    public async Task<InvokeResponse> HandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (!CardAction.TryRead(activity.Value, out var actionId, out var value))
        {
            return new InvokeResponse(400, "application/vnd.microsoft.error", new JsonObject
            {
                ["code"] = "BadRequest",
                ["message"] = "The action carries no StudyBot verb.",
            });
        }

        var reply = await engine.HandleActionAsync(translate.Action(activity, actionId, value), cancellationToken);
        var text = reply is NoticeReply notice ? notice.Text : null;
        if (text is not null && actionId == IncomingAction.Feedback && await AnswerOfAsync(value, cancellationToken) is { } answer)
        {
            return InvokeResponse.Card(cards.Voted(answer, text));
        }

        return text is not null ? InvokeResponse.Message(text) : InvokeResponse.Card(cards.Render(reply));
    }

    /// <summary>The answer a feedback value ("{answerId}|up") points to, rebuilt from the answer log.</summary>
    private async Task<AnswerReply?> AnswerOfAsync(string feedbackValue, CancellationToken cancellationToken)
    {
        var separator = feedbackValue.LastIndexOf('|');
        if (separator <= 0 || await answers.FindAsync(feedbackValue[..separator], cancellationToken) is not { } logged)
        {
            return null;
        }

        return new AnswerReply(logged.Answer, logged.Citations, logged.Found);
    }
}
