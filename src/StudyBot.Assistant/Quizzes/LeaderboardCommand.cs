using StudyBot.Assistant.Commands;
using StudyBot.Core.Conversations;

namespace StudyBot.Assistant.Quizzes;

internal sealed class LeaderboardCommand(QuizRunner runner) : ICommandHandler
{
    public string Name => "leaderboard";

    public string Usage => "leaderboard";

    public string Description => "correct quiz answers per person in this conversation";

    public bool TakesArgument => false;

    public Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken) =>
        runner.LeaderboardAsync(request.Message, cancellationToken);
}
