using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Assistant.Commands;
using StudyBot.Assistant.Safety;
using StudyBot.Core.Feedback;
using StudyBot.Core.Inbox;
using StudyBot.Teams.Configuration;
using StudyBot.Teams.Handling;
using StudyBot.Teams.Rendering;
using StudyBot.Teams.Replies;
using StudyBot.Teams.Wire;

namespace StudyBot.Teams.MessageActions;

/// <summary>
/// "Ask StudyBot about this", the message action of the app manifest (composeExtensions, context message,
/// fetchTask): composeExtension/fetchTask asks the engine about the selected message, as a question asked in that
/// conversation, and answers with a dialog (<see cref="AskAboutMessageCard"/>); its "Post in conversation" comes back
/// as composeExtension/submitAction, which is made durable in the inbox (one item per answer and conversation, so a
/// retried or repeated submit posts once) for <see cref="PostAnswerHandler"/>, and answered with an empty object,
/// which closes the dialog. Teams waits five seconds for either (respond-to-task-module-submit.md).
/// </summary>
internal sealed partial class AskAboutMessage(
    ConversationEngine engine,
    IncomingTranslator translate,
    IAnswerLog answers,
    AdaptiveCardRenderer cards,
    IInbox inbox,
    IOptions<TeamsOptions> options,
    IOptions<InputLimitsOptions> limits,
    TimeProvider time,
    ILogger<AskAboutMessage> logger)
{
    public const string CommandId = "askAboutMessage";
    public const string FetchTask = "composeExtension/fetchTask";
    public const string SubmitAction = "composeExtension/submitAction";

    /// <summary>The inbox key of posting an answer into a conversation.</summary>
    private static string PostKey(string answerId, string conversationId) => $"post:{answerId}@{conversationId}";

    /// <returns>The dialog, or why the invoke is malformed.</returns>
    public async Task<(JsonObject? Dialog, string? Problem)> FetchAsync(Activity activity, CancellationToken cancellationToken)
    {
        var (value, problem) = Read(activity);
        if (value is null)
        {
            return (null, problem);
        }

        if (value.Message is not { } message)
        {
            return (null, $"{FetchTask} of {CommandId} carries no messagePayload (the command's context is message).");
        }

        var text = Cut(SelectedMessageText.Of(message), limits.Value.MaxQuestionChars);
        if (text.Length == 0)
        {
            return (TaskModule.Card(AskAboutMessageCard.Title, AskAboutMessageCard.Unreadable()), null);
        }

        using var deadline = new CancellationTokenSource(options.Value.MessageActionDeadline, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            var reply = await engine.AskAsync(translate.Message(activity, text), linked.Token);
            return (TaskModule.Card(AskAboutMessageCard.Title, AskAboutMessageCard.Render(text, message, reply, cards)), null);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            LogTooSlow(options.Value.MessageActionDeadline.TotalSeconds);
            return (TaskModule.Message("StudyBot could not answer before Teams stops waiting. Mention @StudyBot with the question instead."), null);
        }
    }

    /// <returns>The invoke's response body, or why the invoke is malformed.</returns>
    public async Task<(JsonObject? Response, string? Problem)> SubmitAsync(Activity activity, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var (value, problem) = Read(activity);
        if (value is null)
        {
            return (null, problem);
        }

        if (!CardAction.TryRead(value.Data, out var action, out var answerId) || action is not (AskAboutMessageCard.PostAnswer or AskAboutMessageCard.Close))
        {
            return (null, $"{SubmitAction} of {CommandId} carries no data of StudyBot's dialog.");
        }

        if (action == AskAboutMessageCard.Close)
        {
            return (new JsonObject(), null);
        }

        var conversation = TeamsAddress.Of(activity).Id;
        if (await answers.FindAsync(answerId, cancellationToken) is not { } answer || answer.ConversationId != conversation)
        {
            return (TaskModule.Message("StudyBot no longer knows that answer here. Ask about the message again."), null);
        }

        var key = PostKey(answerId, activity.Conversation!.Id!);
        if (!await inbox.TryAcceptAsync(key, TeamsWork.Channel, Encoding.UTF8.GetString(body.Span), cancellationToken))
        {
            LogAlreadyPosted(answerId);
        }

        return (new JsonObject(), null);
    }

    private static (MessageActionValue? Value, string? Problem) Read(Activity activity)
    {
        var (value, problem) = MessageActionValue.Read(activity.Value);
        return value is not null && value.CommandId != CommandId
            ? (null, $"StudyBot has no message extension command '{value.CommandId}'.")
            : (value, problem);
    }

    /// <summary>A long message is asked about by its beginning, cut at a word, within the engine's length cap.</summary>
    private static string Cut(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var end = text.LastIndexOf(' ', max - 1);
        return text[..(end > max / 2 ? end : max)];
    }

    [LoggerMessage(LogLevel.Warning, "Ask about a message: no answer within {Seconds} s (StudyBot:Teams:MessageActionDeadline); the dialog says so")]
    private partial void LogTooSlow(double seconds);

    [LoggerMessage(LogLevel.Information, "Answer {AnswerId} was already handed over for posting here; acknowledging the repeat")]
    private partial void LogAlreadyPosted(string answerId);
}
