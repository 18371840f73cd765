using StudyBot.Core.Conversations;

namespace StudyBot.Assistant.Answering;

/// <summary>Turns a question into a cited answer.</summary>
public interface IAnswerer
{
    Task<AnswerReply> AnswerAsync(Question question, CancellationToken cancellationToken);
}

public sealed record Question(string Text, IReadOnlyCollection<string>? Sources = null);
