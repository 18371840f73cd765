using System.Text.Json.Nodes;
using StudyBot.Assistant.Commands;
using StudyBot.Core.Conversations;
using StudyBot.Teams.Rendering;
using StudyBot.Teams.Wire;

namespace StudyBot.Teams.Handling;

/// <summary>
/// "Ask StudyBot about this message" (a message action, composeExtension/fetchTask): the engine answers the
/// selected message as a question, shown to the asker alone in a dialog; its "Post in this conversation"
/// button comes back as composeExtension/submitAction, which <see cref="PostAnswerHandler"/> carries out.
/// </summary>
internal sealed class MessageActionInvoke(ConversationEngine engine, IncomingTranslator translate, AdaptiveCardRenderer cards)
{
    public const string FetchTask = "composeExtension/fetchTask";
    public const string SubmitAction = "composeExtension/submitAction";

    public async Task<JsonObject> FetchAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (MessageActionValue.Read(activity.Value) is not { CommandId: MessageActionValue.AskAboutMessage } action)
        {
            return TaskModule.Message("StudyBot does not know that command.");
        }

        if (action.MessageText is not { } text)
        {
            return TaskModule.Message("That message has no text to ask about.");
        }

        var reply = await engine.AskAsync(translate.Message(activity, text), cancellationToken);
        return reply is AnswerReply answer
            ? TaskModule.Card(MessageAnswerCard.Title, MessageAnswerCard.Render(text, answer, cards.Links))
            : TaskModule.Message(reply.Render(Assistant.Rendering.PlainTextRenderer.Instance));
    }

    /// <summary>Whether a submitAction asks to post an answer (then it is accepted as work, answered with an empty 200 that closes the dialog).</summary>
    public static bool IsPost(Activity activity) => PostedAnswer(activity) is not null;

    /// <summary>The answer id a "Post in this conversation" press carries.</summary>
    public static string? PostedAnswer(Activity activity) =>
        MessageActionValue.Read(activity.Value) is { Data: { } data }
        && CardAction.TryRead(data, out var actionId, out var answerId)
        && actionId == MessageAnswerCard.PostAction
            ? answerId
            : null;
}
