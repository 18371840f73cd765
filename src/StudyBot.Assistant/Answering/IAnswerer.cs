using System.Runtime.CompilerServices;
using StudyBot.Core.Conversations;

namespace StudyBot.Assistant.Answering;

/// <summary>Turns a question into a cited answer.</summary>
public interface IAnswerer
{
    Task<AnswerReply> AnswerAsync(Question question, CancellationToken cancellationToken);

    /// <summary>
    /// The answer as it is written: <see cref="ReplyWorking"/> and <see cref="ReplyDelta"/> updates, then
    /// <see cref="ReplyCompleted"/> with the <see cref="AnswerReply"/>. An answerer that does not write
    /// as it goes (the extractive one) yields its answer at once.
    /// </summary>
    async IAsyncEnumerable<ReplyUpdate> StreamAsync(Question question, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return new ReplyCompleted(await AnswerAsync(question, cancellationToken));
    }
}

/// <param name="History">Earlier turns of the thread; a short follow-up borrows the previous question's words.</param>
/// <param name="ConversationId">Picks the conversation's prompt variant; null = a variant at random.</param>
public sealed record Question(string Text, IReadOnlyCollection<string>? Sources = null, IReadOnlyList<ConversationTurn>? History = null, string? ConversationId = null);
