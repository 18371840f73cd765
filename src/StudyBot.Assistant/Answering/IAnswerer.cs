using StudyBot.Core.Conversations;

namespace StudyBot.Assistant.Answering;

/// <summary>Turns a question into a cited answer.</summary>
public interface IAnswerer
{
    Task<AnswerReply> AnswerAsync(Question question, CancellationToken cancellationToken);
}

/// <param name="History">Earlier turns of the thread; a short follow-up borrows the previous question's words.</param>
/// <param name="ConversationId">Picks the conversation's prompt variant; null = a variant at random.</param>
public sealed record Question(string Text, IReadOnlyCollection<string>? Sources = null, IReadOnlyList<ConversationTurn>? History = null, string? ConversationId = null);
