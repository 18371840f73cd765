using System.Text.Json.Nodes;
using StudyBot.Assistant.Commands;
using StudyBot.Core.Conversations;
using StudyBot.Core.Quizzes;
using StudyBot.Teams.Rendering;
using StudyBot.Teams.Wire;

namespace StudyBot.Teams.Handling;

/// <summary>
/// An Action.Execute press (adaptiveCard/action invoke), answered in the HTTP response: feedback refreshes the
/// card under the answer for the voter with the engine's confirmation in place of the buttons; other replies become a message.
/// A shared quiz question answers its refresh (trigger "automatic") with the asker's own view; see <see cref="QuizCardRefresh"/>.
/// </summary>
internal sealed class CardActionInvoke(
    ConversationEngine engine,
    IncomingTranslator translate,
    AdaptiveCardRenderer cards,
    QuizCardRefresh quizCards)
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
        if (reply is NoticeReply notice)
        {
            return actionId == IncomingAction.Feedback ? InvokeResponse.Card(AnswerCard.Voted(notice.Text)) : InvokeResponse.Message(notice.Text);
        }

        if (actionId == QuizAction.Answer && reply is QuizFeedbackReply { Shared: { } question })
        {
            await quizCards.AddAnswererAsync(activity, question, cancellationToken);
        }

        return InvokeResponse.Card(cards.Render(reply));
    }
}
