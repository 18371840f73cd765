using StudyBot.Assistant.Answering;
using StudyBot.Core.Conversations;
using StudyBot.Core.Retrieval;

namespace StudyBot.Assistant.Commands;

/// <param name="status">Tells a "not found" during indexing from a real one; null = every "not found" is real.</param>
public sealed class AskCommand(IAnswerer answerer, IKnowledgeStatus? status = null) : ICommandHandler
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

        var message = request.Message;
        var answer = await answerer.AnswerAsync(new Question(question, message.Sources, message.History, message.Address.Id), cancellationToken);
        if (answer.Found || status is null)
        {
            return answer;
        }

        return await StillIndexing.CheckAsync(status, message.Sources, cancellationToken) ?? (Reply)answer;
    }
}
