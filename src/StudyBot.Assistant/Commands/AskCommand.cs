using StudyBot.Assistant.Answering;
using StudyBot.Core.Conversations;

namespace StudyBot.Assistant.Commands;

public sealed class AskCommand(IAnswerer answerer) : ICommandHandler
{
    public string Name => "ask";

    public string Usage => "ask <question>";

    public string Description => "answer from the knowledge base with numbered sources";

    public bool TakesArgument => true;

    public Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken) =>
        StreamAsync(request, cancellationToken).CompletedAsync(cancellationToken);

    /// <summary>The answerer's stream: the answer as it is written.</summary>
    public IAsyncEnumerable<ReplyUpdate> StreamAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var question = request.Argument.Trim();
        return question.Length == 0
            ? ReplyStreams.Of(new NoticeReply("Ask me a question, for example `ask What is QLoRA?`."))
            : answerer.StreamAsync(new Question(question, request.Message.Sources, request.Message.History, request.Message.Address.Id), cancellationToken);
    }

}
