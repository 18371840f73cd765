using StudyBot.Assistant.Commands;
using StudyBot.Core.Conversations;
using StudyBot.Core.Quizzes;

namespace StudyBot.Assistant.Quizzes;

/// <summary>An answer button of a quiz question; the reply is private feedback for the one who pressed it.</summary>
internal sealed class QuizAnswerAction(QuizRunner runner) : IActionHandler
{
    public string ActionId => QuizAction.Answer;

    public Task<Reply> HandleAsync(IncomingAction action, CancellationToken cancellationToken) => runner.AnswerAsync(action, cancellationToken);
}
