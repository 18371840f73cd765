using Microsoft.Extensions.Logging;
using StudyBot.Core.Quizzes;
using StudyBot.Teams.Api;
using StudyBot.Teams.Rendering;
using StudyBot.Teams.Replies;
using StudyBot.Teams.Wire;

namespace StudyBot.Teams.Handling;

/// <summary>
/// Per-user views of a shared quiz question: when someone answers, the question's message is updated so its
/// refresh lists the question's latest 60 answerers (userIds: their Teams ids, stored with the quiz's answers), and
/// Teams then asks StudyBot for their own view (their result) wherever they open the card, while everyone else keeps
/// seeing the question.
/// The updates of one message take turns, and each reads the answerers from the store once it has its turn, so the
/// last update carries everyone: an answer stored before an update read the list needs no update of its own, and an
/// update re-reads the list after sending it and sends again when it changed meanwhile (an answer taken by another instance).
/// </summary>
internal sealed partial class QuizCardRefresh(ConnectorClient connector, IQuizStore store, ILogger<QuizCardRefresh> logger)
{
    private readonly Dictionary<string, MessageTurns> _messages = new(StringComparer.Ordinal);

    /// <param name="press">The adaptiveCard/action invoke of an answer already stored; its replyToId is the question's message.</param>
    public async Task AddAnswererAsync(Activity press, QuizQuestionReply question, CancellationToken cancellationToken)
    {
        if (press.ReplyToId is not { Length: > 0 } messageId)
        {
            return;
        }

        var key = $"{press.Conversation?.Id}|{messageId}";
        MessageTurns turns;
        long ticket;
        lock (_messages)
        {
            if (!_messages.TryGetValue(key, out turns!))
            {
                _messages[key] = turns = new MessageTurns();
            }

            turns.Holders++;
            ticket = ++turns.Requested;
        }

        try
        {
            await turns.Gate.WaitAsync(cancellationToken);
            try
            {
                if (Covered(turns) < ticket)
                {
                    await UpdateAsync(press, messageId, question, turns, cancellationToken);
                }
            }
            finally
            {
                turns.Gate.Release();
            }
        }
        finally
        {
            lock (_messages)
            {
                if (--turns.Holders == 0)
                {
                    _messages.Remove(key);
                    turns.Gate.Dispose();
                }
            }
        }
    }

    /// <summary>Sends the card with the stored answerers until a read after sending finds the same list.</summary>
    private async Task UpdateAsync(Activity press, string messageId, QuizQuestionReply question, MessageTurns turns, CancellationToken cancellationToken)
    {
        var card = question with { Notice = null };
        IReadOnlyList<string>? sent = null;
        while (true)
        {
            long covers;
            lock (_messages)
            {
                covers = turns.Requested;
            }

            var answerers = await store.LatestAnswerersAsync(question.SessionId, question.Number - 1, CardAction.MaxRefreshUsers, cancellationToken);
            if (sent is not null && answerers.SequenceEqual(sent, StringComparer.Ordinal))
            {
                return;
            }

            try
            {
                await connector.UpdateAsync(ConversationReference.Of(press), messageId, AdaptiveCard.Message(QuizCards.Question(card, answerers)), cancellationToken);
            }
            catch (ConnectorException e)
            {
                // The answer counts and the answerer sees it; the next answer's update brings the card up to date.
                LogUpdateFailed(e, messageId);
                return;
            }

            lock (_messages)
            {
                turns.Covered = covers;
            }

            sent = answerers;
        }
    }

    private long Covered(MessageTurns turns)
    {
        lock (_messages)
        {
            return turns.Covered;
        }
    }

    [LoggerMessage(LogLevel.Warning, "Could not update quiz card {MessageId} with its answerers")]
    private partial void LogUpdateFailed(Exception exception, string messageId);

    /// <summary>The turns of one message's updates; the counters are guarded by the dictionary's lock.</summary>
    private sealed class MessageTurns
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        /// <summary>Answers waiting for or holding the gate; the entry goes when none is left.</summary>
        public int Holders { get; set; }

        /// <summary>Answers that asked for an update, numbered in the order they asked (each after its answer was stored).</summary>
        public long Requested { get; set; }

        /// <summary>The answers up to this number are on the card: an update read the store after they asked.</summary>
        public long Covered { get; set; }
    }
}
