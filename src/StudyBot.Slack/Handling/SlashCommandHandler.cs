using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Adapters.Handling;
using StudyBot.Adapters.Replies;
using StudyBot.Assistant.Commands;
using StudyBot.Core.Conversations;
using StudyBot.Core.Inbox;
using StudyBot.Core.Quizzes;
using StudyBot.Slack.Api;
using StudyBot.Slack.Configuration;
using StudyBot.Slack.Rendering;
using StudyBot.Slack.Replies;
using StudyBot.Slack.Wire;

namespace StudyBot.Slack.Handling;

/// <summary>
/// Runs an accepted slash command (/studybot ask|help|status|…; the engine routes the words) and
/// answers through its response_url, replacing the "working" acknowledgement; falls back to an
/// ephemeral message in the channel when there is no usable response_url.
/// </summary>
internal sealed partial class SlashCommandHandler(
    ConversationEngine engine,
    BlockKitRenderer renderer,
    ResponseUrlClient responses,
    SlackApiClient api,
    IInbox inbox,
    IOptions<SlackOptions> options,
    ILogger<SlashCommandHandler> logger) : IWorkHandler<SlackWork>
{
    public string Kind => SlackWork.SlashCommands;

    public async Task HandleAsync(SlackWork work, InboxItem item, CancellationToken cancellationToken)
    {
        var command = work.Payload.Deserialize(SlackJson.Default.SlashCommand);
        if (command is not { IsComplete: true })
        {
            return;
        }

        var text = command.Text?.Trim() is { Length: > 0 } given ? given : "help";
        var settings = options.Value.ForChannel(command.ChannelId!);
        var reply = await engine.HandleAsync(
            new IncomingMessage(
                SlackAddress.Of(command.ChannelId!, threadTs: null),
                command.UserId!,
                text,
                options.Value.IsAdmin(command.UserId),
                settings.Sources,
                Origin: new MessageOrigin(command.TeamId, null, command.ChannelId),
                Personal: SlackAddress.IsDirect(command.ChannelId!)),
            cancellationToken);
        var messages = renderer.Render(reply);
        var progress = ReplyProgress.Of(item);
        for (var part = progress.Posted; part < messages.Count; part++)
        {
            await SendAsync(command, messages[part], replaceOriginal: part == 0, Visibility(reply), cancellationToken);
            if (part + 1 < messages.Count)
            {
                progress = progress with { Posted = part + 1 };
                await progress.SaveAsync(inbox, item, cancellationToken);
            }
        }

        LogAnswered(command.Command ?? "", reply.GetType().Name);
    }

    /// <summary>A channel quiz's question and its results are for everyone taking part; every other reply only for the one who asked.</summary>
    private static string Visibility(Reply reply) =>
        reply is QuizQuestionReply { Personal: false } or QuizResultsReply ? CommandResponse.InChannel : CommandResponse.Ephemeral;

    private async Task SendAsync(SlashCommand command, SlackMessage message, bool replaceOriginal, string visibility, CancellationToken cancellationToken)
    {
        if (Uri.TryCreate(command.ResponseUrl, UriKind.Absolute, out var url) && url.Scheme is "https" or "http")
        {
            try
            {
                await responses.RespondAsync(url, new CommandResponse(visibility, message.Text, message.Blocks, replaceOriginal), cancellationToken);
                return;
            }
            catch (SlackApiException ex) when (ex.Error is "expired_url" or "used_url" or "http_404")
            {
                LogResponseUrlGone(ex.Error);
            }
        }

        if (visibility == CommandResponse.InChannel)
        {
            await api.PostMessageAsync(new PostMessageRequest(command.ChannelId!, message.Text, message.Blocks), cancellationToken);
            return;
        }

        await api.PostEphemeralAsync(new PostEphemeralRequest(command.ChannelId!, command.UserId!, message.Text, message.Blocks), cancellationToken);
    }

    [LoggerMessage(LogLevel.Information, "Slack command {Command} answered with {Reply}")]
    private partial void LogAnswered(string command, string reply);

    [LoggerMessage(LogLevel.Information, "Slack response_url no longer usable ({Error}); answering with chat.postEphemeral")]
    private partial void LogResponseUrlGone(string error);
}
