using StudyBot.Assistant.Commands;
using StudyBot.Core.Conversations;
using StudyBot.Core.Quizzes;

namespace StudyBot.Assistant.Quizzes;

/// <summary>A shared question card refreshed for one person (Teams' per-user views): their own result, or the question.</summary>
internal sealed class QuizViewAction(QuizRunner runner) : IActionHandler
{
    public string ActionId => QuizAction.View;

    public Task<Reply> HandleAsync(IncomingAction action, CancellationToken cancellationToken) => runner.ViewAsync(action, cancellationToken);
}
