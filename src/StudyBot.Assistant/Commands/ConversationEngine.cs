using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Assistant.Answering;
using StudyBot.Assistant.Safety;
using StudyBot.Core.Conversations;
using StudyBot.Core.Feedback;
using StudyBot.Core.Telemetry;

namespace StudyBot.Assistant.Commands;

/// <summary>
/// The channel-agnostic heart of StudyBot: routes each incoming message to its command handler
/// and returns a reply model that the Slack, Teams and web adapters render.
/// </summary>
public sealed partial class ConversationEngine
{
    private const string HelpCommand = "help";
    private readonly Dictionary<string, ICommandHandler> _handlers;
    private readonly HashSet<string> _commandWords;
    private readonly Dictionary<string, IActionHandler> _actions;
    private readonly IAnswerLog _answers;
    private readonly TimeProvider _time;
    private readonly ILogger<ConversationEngine> _logger;
    private readonly ConversationLimiter _limiter;

    /// <param name="limiter">Length cap and rate limits; null = the default cap and no rate limits.</param>
    public ConversationEngine(
        IEnumerable<ICommandHandler> handlers,
        IEnumerable<IActionHandler> actions,
        IAnswerLog answers,
        TimeProvider time,
        ILogger<ConversationEngine> logger,
        ConversationLimiter? limiter = null)
    {
        _handlers = handlers.ToDictionary(h => h.Name, StringComparer.OrdinalIgnoreCase);
        _commandWords = [.. _handlers.Keys, HelpCommand];
        _actions = actions.ToDictionary(a => a.ActionId, StringComparer.Ordinal);
        _answers = answers;
        _time = time;
        _logger = logger;
        _limiter = limiter ?? new ConversationLimiter(Options.Create(new InputLimitsOptions { UserMessagesPerMinute = 0, ChannelMessagesPerMinute = 0 }));
    }

    public Task<Reply> HandleAsync(IncomingMessage message, CancellationToken cancellationToken) =>
        StreamAsync(message, cancellationToken).CompletedAsync(cancellationToken);

    /// <summary>
    /// The reply to a message as it is produced: an answer streams its status and text (see
    /// <see cref="ReplyUpdate"/>), every other reply completes at once. The completed answer carries its
    /// id in the answer log.
    /// </summary>
    public IAsyncEnumerable<ReplyUpdate> StreamAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        var (command, argument) = CommandParser.Parse(message.Text, _commandWords);
        var bare = command == HelpCommand || !_handlers[command].TakesArgument;
        if (bare && argument.TrimEnd('?', '!', '.').Length > 0)
        {
            (command, argument) = (CommandParser.DefaultCommand, message.Text.Trim());
        }

        return command == HelpCommand
            ? ReplyStreams.Of(new NoticeReply(HelpText()))
            : RunAsync(message, command, argument, cancellationToken);
    }

    /// <summary>Answers <paramref name="message"/>'s whole text as a question, without command routing (the REST API's /api/ask).</summary>
    public Task<Reply> AskAsync(IncomingMessage message, CancellationToken cancellationToken) =>
        RunAsync(message, CommandParser.DefaultCommand, message.Text.Trim(), cancellationToken).CompletedAsync(cancellationToken);

    private async IAsyncEnumerable<ReplyUpdate> RunAsync(
        IncomingMessage message, string command, string argument, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (_limiter.Check(message) is { } refusal)
        {
            LogRefused(message.Channel, command, refusal.RetryAfter is null ? "too long" : "rate limit");
            yield return new ReplyCompleted(refusal);
            yield break;
        }

        LogCommand(message.Channel, command);
        using var activity = AnswerTelemetry.StartMessage(message.Channel, command);
        var started = Stopwatch.GetTimestamp();
        await foreach (var update in _handlers[command].StreamAsync(new CommandRequest(message, argument), cancellationToken))
        {
            if (update is not ReplyCompleted { Reply: AnswerReply answer })
            {
                yield return update;
                continue;
            }

            AnswerTelemetry.RecordAnswer(message.Channel, answer.Found, Stopwatch.GetElapsedTime(started).TotalSeconds, activity);
            // Logged so feedback, the knowledge-gap report and quizzes can refer to it.
            var id = await _answers.RecordAsync(new AnsweredQuestion(
                message.Channel, message.Address.Id, message.UserId, argument, answer.Text, answer.Found,
                answer.Citations, answer.PromptVersion, _time.GetUtcNow()), cancellationToken);
            yield return new ReplyCompleted(answer with { AnswerId = id });
        }
    }

    public async Task<Reply> HandleActionAsync(IncomingAction action, CancellationToken cancellationToken)
    {
        if (!_actions.TryGetValue(action.ActionId, out var handler))
        {
            return new NoticeReply("That button is not something I know how to handle.");
        }

        LogCommand(action.Channel, "action:" + action.ActionId);
        return await handler.HandleAsync(action, cancellationToken);
    }

    private string HelpText()
    {
        var help = new StringBuilder("I answer questions from the team's knowledge base, with sources. Commands:\n");
        foreach (var handler in _handlers.Values.OrderBy(h => h.Name, StringComparer.Ordinal))
        {
            help.Append("• `").Append(handler.Usage).Append("` — ").Append(handler.Description).Append('\n');
        }

        help.Append("• `help` — this list\nAnything else is taken as a question.");
        return help.ToString();
    }

    [LoggerMessage(LogLevel.Information, "Handling {Command} from {Channel}")]
    private partial void LogCommand(string channel, string command);

    [LoggerMessage(LogLevel.Information, "Turned away {Command} from {Channel}: {Reason}")]
    private partial void LogRefused(string channel, string command, string reason);
}
