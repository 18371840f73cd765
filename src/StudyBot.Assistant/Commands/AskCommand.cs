using StudyBot.Assistant.Answering;
using StudyBot.Core.Conversations;

namespace StudyBot.Assistant.Commands;

public sealed class AskCommand(IAnswerer answerer) : ICommandHandler
{
    public const int MaxQuestionLength = 2000;

    public string Name => "ask";

    public string Usage => "ask <question>";

    public string Description => "answer from the knowledge base with numbered sources";

    public bool TakesArgument => true;

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var question = request.Argument.Trim();
        if (question.Length == 0)
        {
            return new NoticeReply("Ask me a question, for example `ask What is QLoRA?`.");
        }

        if (question.Length > MaxQuestionLength)
        {
            return new NoticeReply($"That question is {question.Length} characters long; please keep it under {MaxQuestionLength}.");
        }

        return await answerer.AnswerAsync(new Question(question, request.Message.Sources, request.Message.History, request.Message.ConversationId), cancellationToken);
    }
}
