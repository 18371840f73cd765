using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Adapters.Replies;
using StudyBot.Core.Conversations;
using StudyBot.Core.Inbox;
using StudyBot.Slack.Api;
using StudyBot.Slack.Configuration;
using StudyBot.Slack.Rendering;

namespace StudyBot.Slack.Replies;

/// <summary>
/// Writes a reply while the engine produces it, under the placeholder <see cref="ThreadReplyWriter"/>
/// posted. Until text comes, the placeholder says what is being done. The answer's text streams into a
/// chat.startStream message (for the asking person and team outside direct messages, as Slack requires)
/// that replaces the placeholder; appends are batched to one per StudyBot:Slack:StreamInterval, and
/// chat.stopStream ends the message with the sources, footnote and buttons. Where Slack refuses to
/// stream, the placeholder is edited with the text so far instead, at the same pace. The completed
/// reply stands: when it is not what was streamed (a fallback answer, a notice), it replaces the message.
/// </summary>
internal sealed partial class StreamedReplyWriter(
    SlackApiClient api,
    ThreadReplyWriter writer,
    BlockKitRenderer renderer,
    IInbox inbox,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<StreamedReplyWriter> logger)
{
    /// <summary>chat.startStream/appendStream/stopStream take at most this much markdown_text per call.</summary>
    internal const int MaxMarkdownText = 12_000;

    /// <param name="recipient">Whom the stream is for; null in a direct message.</param>
    public async Task<Reply> WriteAsync(
        InboxItem item, ReplyProgress progress, ReplyTarget target, StreamRecipient? recipient, IAsyncEnumerable<ReplyUpdate> updates, CancellationToken cancellationToken)
    {
        var run = new Run(this, item, target, recipient, progress);
        await run.ResumeAsync(cancellationToken);
        await foreach (var update in updates.WithCancellation(cancellationToken))
        {
            switch (update)
            {
                case ReplyWorking working:
                    await run.ShowStatusAsync(working.Status, cancellationToken);
                    break;
                case ReplyDelta delta:
                    await run.AddAsync(delta.Text, cancellationToken);
                    break;
                case ReplyCompleted completed:
                    await run.FinishAsync(completed.Reply, cancellationToken);
                    return completed.Reply;
            }
        }

        throw new InvalidOperationException("The reply stream ended without a completed reply.");
    }

    // The run below shares these.
    private SlackApiClient Api => api;

    private ThreadReplyWriter Writer => writer;

    private BlockKitRenderer Renderer => renderer;

    private IInbox Inbox => inbox;

    private IOptions<SlackOptions> Options => options;

    private TimeProvider Time => time;

    private enum Mode
    {
        /// <summary>No text yet: the placeholder shows the status.</summary>
        Waiting,

        /// <summary>The text streams into the stream message.</summary>
        Streaming,

        /// <summary>Slack refused the stream: the placeholder is edited with the text so far.</summary>
        Editing,

        /// <summary>The stream stopped taking text (or a retry found one from before): the completed reply replaces it.</summary>
        Replacing,
    }

    /// <summary>One reply being written.</summary>
    private sealed class Run(StreamedReplyWriter owner, InboxItem item, ReplyTarget target, StreamRecipient? recipient, ReplyProgress progress)
    {
        private readonly StringBuilder _text = new();
        private Mode _mode = owner.Options.Value.StreamAnswers ? Mode.Waiting : Mode.Editing;
        private ReplyProgress _progress = progress;
        private int _sent;
        private DateTimeOffset _nextWrite = DateTimeOffset.MinValue;

        private TimeSpan Interval => owner.Options.Value.StreamInterval;

        /// <summary>A retry of an item that was streaming: the placeholder goes, the stream message is finished with the reply.</summary>
        public async Task ResumeAsync(CancellationToken cancellationToken)
        {
            if (_progress.StreamId is null)
            {
                return;
            }

            _mode = Mode.Replacing;
            await AdoptStreamAsync(_progress.StreamId, cancellationToken);
        }

        public async Task ShowStatusAsync(string status, CancellationToken cancellationToken)
        {
            if (_mode == Mode.Waiting || (_mode == Mode.Editing && _text.Length == 0))
            {
                await EditPlaceholderAsync($":hourglass_flowing_sand: {Mrkdwn.Escape(status)}", cancellationToken);
            }
        }

        public async Task AddAsync(string text, CancellationToken cancellationToken)
        {
            _text.Append(Markdown.Neutralize(text, _text.Length > 0 ? _text[^1] : null));
            switch (_mode)
            {
                case Mode.Waiting:
                    await StartAsync(cancellationToken);
                    break;
                case Mode.Streaming when owner.Time.GetUtcNow() >= _nextWrite:
                    await AppendAsync(cancellationToken);
                    break;
                case Mode.Editing:
                    await EditPlaceholderAsync(Mrkdwn.Truncate(Mrkdwn.Escape(_text.ToString()), BlockKitLimits.FallbackText), cancellationToken);
                    break;
            }
        }

        public async Task FinishAsync(Reply reply, CancellationToken cancellationToken)
        {
            var messages = owner.Renderer.Render(reply);
            if (_mode == Mode.Streaming && reply is AnswerReply answer && answer.Text == _text.ToString() && messages.Count == 1)
            {
                var tail = owner.Renderer.AnswerTail(answer);
                await owner.Api.StopStreamAsync(
                    new StopStreamRequest(target.Channel, _progress.StreamId!, Unsent(), tail.Count > 0 ? tail : null, ReplyTag.For(target.EventId, 0)), cancellationToken);
                return;
            }

            if (_mode is Mode.Streaming or Mode.Replacing)
            {
                await StopQuietlyAsync(cancellationToken);
            }

            await owner.Writer.WriteAsync(item, _progress, target, messages, cancellationToken);
        }

        private async Task StartAsync(CancellationToken cancellationToken)
        {
            var text = Batch();
            MessageResponse started;
            try
            {
                started = await owner.Api.StartStreamAsync(
                    new StartStreamRequest(target.Channel, target.ThreadTs, text, recipient?.UserId, recipient?.TeamId), cancellationToken);
            }
            catch (SlackApiException ex)
            {
                owner.LogNoStream(target.EventId, ex.Error);
                _mode = Mode.Editing;
                await EditPlaceholderAsync(Mrkdwn.Truncate(Mrkdwn.Escape(_text.ToString()), BlockKitLimits.FallbackText), cancellationToken);
                return;
            }

            _sent += text.Length;
            _mode = Mode.Streaming;
            _nextWrite = owner.Time.GetUtcNow() + Interval;
            await AdoptStreamAsync(started.Ts ?? throw new SlackApiException("chat.startStream", "invalid_response"), cancellationToken);
        }

        /// <summary>The stream message takes the placeholder's place, saved before and after the placeholder goes.</summary>
        private async Task AdoptStreamAsync(string streamTs, CancellationToken cancellationToken)
        {
            if (_progress.MessageId == streamTs)
            {
                return;
            }

            _progress = _progress with { StreamId = streamTs };
            await _progress.SaveAsync(owner.Inbox, item, cancellationToken);
            if (_progress.MessageId is { } placeholder)
            {
                await owner.Api.DeleteMessageAsync(new DeleteMessageRequest(target.Channel, placeholder), cancellationToken);
            }

            _progress = _progress with { MessageId = streamTs, Posted = 1 };
            await _progress.SaveAsync(owner.Inbox, item, cancellationToken);
        }

        private async Task AppendAsync(CancellationToken cancellationToken)
        {
            var text = Batch();
            try
            {
                await owner.Api.AppendStreamAsync(new AppendStreamRequest(target.Channel, _progress.StreamId!, text), cancellationToken);
                _sent += text.Length;
                _nextWrite = owner.Time.GetUtcNow() + Interval;
            }
            catch (SlackApiException ex) when (ex.IsRateLimited)
            {
                // Still limited after the client's own waits: the text stays for the next write, after Slack's wait.
                _nextWrite = owner.Time.GetUtcNow() + (ex.RetryAfter ?? Interval);
                owner.LogAppendDeferred(target.EventId, _nextWrite);
            }
            catch (SlackApiException ex)
            {
                owner.LogStreamBroken(target.EventId, ex.Error);
                _mode = Mode.Replacing;
            }
        }

        private async Task EditPlaceholderAsync(string text, CancellationToken cancellationToken)
        {
            var now = owner.Time.GetUtcNow();
            if (now < _nextWrite || _progress.MessageId is null)
            {
                return;
            }

            _nextWrite = now + Interval;
            try
            {
                await owner.Api.UpdateMessageAsync(new UpdateMessageRequest(target.Channel, _progress.MessageId, text), cancellationToken);
            }
            catch (SlackApiException ex) when (ex.IsRateLimited)
            {
                // An interim edit; the completed reply is written regardless.
                _nextWrite = now + (ex.RetryAfter ?? Interval);
            }
        }

        /// <summary>Ends a stream whose text the completed reply replaces; a stream Slack already ended is fine.</summary>
        private async Task StopQuietlyAsync(CancellationToken cancellationToken)
        {
            try
            {
                await owner.Api.StopStreamAsync(new StopStreamRequest(target.Channel, _progress.StreamId!, Metadata: ReplyTag.For(target.EventId, 0)), cancellationToken);
            }
            catch (SlackApiException ex) when (!ex.IsTransient)
            {
                owner.LogStreamBroken(target.EventId, ex.Error);
            }
        }

        /// <summary>The text not sent yet, up to what one call takes.</summary>
        private string Batch()
        {
            var length = Math.Min(_text.Length - _sent, MaxMarkdownText);
            return _text.ToString(_sent, length);
        }

        private string? Unsent()
        {
            var rest = _text.Length - _sent;
            return rest == 0 ? null : _text.ToString(_sent, rest);
        }
    }

    [LoggerMessage(LogLevel.Information, "Slack event {EventId}: no stream ({Error}); the placeholder is edited as the answer is written")]
    private partial void LogNoStream(string eventId, string error);

    [LoggerMessage(LogLevel.Warning, "Slack event {EventId}: the stream stopped taking text ({Error}); the completed reply replaces it")]
    private partial void LogStreamBroken(string eventId, string error);

    [LoggerMessage(LogLevel.Information, "Slack event {EventId}: chat.appendStream rate limited; the text waits until {Next}")]
    private partial void LogAppendDeferred(string eventId, DateTimeOffset next);
}

/// <summary>Whom a stream outside a direct message is for: the person who asked, in their workspace.</summary>
internal sealed record StreamRecipient(string UserId, string? TeamId);
