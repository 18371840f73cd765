using Microsoft.Extensions.Options;
using StudyBot.Assistant.Commands;
using StudyBot.Core.Conversations;
using StudyBot.Core.Feedback;
using StudyBot.Core.Quizzes;

namespace StudyBot.Assistant.Quizzes;

/// <summary>"Quiz me on this" under an answer: a personal quiz on the sources that answer cited.</summary>
internal sealed class QuizOnAnswerAction(IAnswerLog answers, QuizPlanner planner, QuizRunner runner, IOptions<QuizOptions> options) : IActionHandler
{
    public string ActionId => QuizAction.QuizMeOnAnswer;

    public async Task<Reply> HandleAsync(IncomingAction action, CancellationToken cancellationToken)
    {
        if (await answers.FindAsync(action.Value, cancellationToken) is not { } answer)
        {
            return new NoticeReply("That button no longer points to an answer I know.");
        }

        var quiz = await planner.OnAnswerAsync(answer.Question, answer.Citations, options.Value.DefaultQuestions, new QuizTaker(action.UserId, action.Address.Id), cancellationToken);
        if (quiz.Questions.Count == 0)
        {
            return new NoticeReply("I could not make sound questions from that answer's sources.");
        }

        var message = new IncomingMessage(action.Address, action.UserId, "", action.IsAdmin);
        return await runner.StartAsync(message, answer.Question, quiz, personal: true, notice: null, cancellationToken);
    }
}
