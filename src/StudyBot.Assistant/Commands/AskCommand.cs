using StudyBot.Assistant.Answering;
using StudyBot.Core.Conversations;

namespace StudyBot.Assistant.Commands;

public sealed class AskCommand(IAnswerer answerer) : ICommandHandler
{
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

        return await answerer.AnswerAsync(new Question(question, request.Message.Sources, request.Message.History, request.Message.Address.Id), cancellationToken);
    }
}
