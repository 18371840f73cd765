using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Core.Conversations;
using StudyBot.Core.Inbox;
using StudyBot.Teams.Api;
using StudyBot.Teams.Configuration;
using StudyBot.Teams.Handling;
using StudyBot.Teams.Rendering;
using StudyBot.Teams.Wire;

namespace StudyBot.Teams.Replies;

/// <summary>
/// Writes a reply into a personal chat while the engine produces it (Teams streams only there): the typing
/// indicator at first, what is being done as informative updates until text comes, then the text so far as
/// streaming updates, at most one per StudyBot:Teams:StreamInterval and each after the previous one was
/// accepted; the completed reply is the final message (AI label, citations, buttons). Where Teams refuses to
/// stream, the typing indicator runs on and the final message is an ordinary one. A chat is one inbox conversation, whose items are
/// handled one after another, so a chat never has two streams at once.
/// </summary>
internal sealed partial class StreamedReplyWriter(
    ConnectorClient connector,
    ReplyDelivery delivery,
    ActivityRenderer messages,
    TypingIndicator typing,
    IOptions<TeamsOptions> options,
    TimeProvider time,
    ILogger<StreamedReplyWriter> logger)
{
    /// <param name="replyToId">The question's activity id: every update and the final message reply to it, as the Bot Framework SDKs send them.</param>
    /// <returns>The completed reply and the id of the message holding it (the stream's, which the final message completes).</returns>
    public async Task<(Reply Reply, string? MessageId)> WriteAsync(InboxItem item, ConversationReference to, string replyToId, IAsyncEnumerable<ReplyUpdate> updates, CancellationToken cancellationToken)
    {
        var stream = new Stream(this, to, replyToId);
        await stream.StartTypingAsync(cancellationToken);
        try
        {
            await foreach (var update in updates.WithCancellation(cancellationToken))
            {
                switch (update)
                {
                    case ReplyWorking working:
                        await stream.InformAsync(working.Status, cancellationToken);
                        break;
                    case ReplyDelta delta:
                        await stream.AddAsync(delta.Text, cancellationToken);
                        break;
                    case ReplyCompleted completed:
                        await stream.StopTypingAsync();
                        var final = messages.Render(completed.Reply);
                        if (stream.Id is { } id)
                        {
                            final.Entities = [.. final.Entities ?? [], StreamInfo.Final(id)];
                        }

                        var sent = await delivery.DeliverAsync(item, to, replyToId, final, cancellationToken);
                        return (completed.Reply, stream.Id ?? sent);
                }
            }
        }
        finally
        {
            await stream.StopTypingAsync();
        }

        throw new InvalidOperationException("The reply stream ended without a completed reply.");
    }

    // The stream below shares these.
    private ConnectorClient Connector => connector;

    private TypingIndicator Typing => typing;

    private TeamsOptions Options => options.Value;

    private TimeProvider Time => time;

    [LoggerMessage(LogLevel.Information, "Teams did not take a stream update (status {Status}); the answer comes as one message")]
    private partial void LogStreamRefused(int status);

    /// <summary>One streamed message.</summary>
    private sealed class Stream(StreamedReplyWriter owner, ConversationReference to, string replyToId)
    {
        private readonly StringBuilder _text = new();
        private int _sequence;
        private bool _refused;
        private IAsyncDisposable? _typing;
        private DateTimeOffset _nextUpdate = DateTimeOffset.MinValue;

        /// <summary>The stream's id once Teams accepted its first update (the final message names it).</summary>
        public string? Id { get; private set; }

        public async Task InformAsync(string status, CancellationToken cancellationToken)
        {
            // Informative updates come before the text only.
            if (_text.Length == 0)
            {
                await SendAsync(status, informative: true, cancellationToken);
            }
        }

        public async Task AddAsync(string text, CancellationToken cancellationToken)
        {
            _text.Append(text);
            if (owner.Time.GetUtcNow() >= _nextUpdate)
            {
                await SendAsync(_text.ToString(), informative: false, cancellationToken);
            }
        }

        public async Task StartTypingAsync(CancellationToken cancellationToken) => _typing ??= await owner.Typing.StartAsync(to, cancellationToken);

        public async Task StopTypingAsync()
        {
            if (_typing is not null)
            {
                await _typing.DisposeAsync();
                _typing = null;
            }
        }

        private async Task SendAsync(string text, bool informative, CancellationToken cancellationToken)
        {
            if (_refused)
            {
                return;
            }

            await StopTypingAsync();
            var update = new Activity { Type = ActivityTypes.Typing, Text = text, Entities = [StreamInfo.Update(Id, informative, ++_sequence)] };
            try
            {
                var id = await owner.Connector.ReplyAsync(to, replyToId, update, cancellationToken);
                Id ??= id;
                _nextUpdate = owner.Time.GetUtcNow() + owner.Options.StreamInterval;
            }
            catch (ConnectorException ex) when (ex.IsPermanent || ex.Status == System.Net.HttpStatusCode.MethodNotAllowed)
            {
                // Streaming not allowed for this user or chat, or the stream ended (Teams' two-minute limit).
                owner.LogStreamRefused(ex.Status is { } status ? (int)status : 0);
                _refused = true;
                Id = null;
                await StartTypingAsync(cancellationToken);
            }
        }
    }
}
