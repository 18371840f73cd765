using System.Runtime.CompilerServices;
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

    public Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken) =>
        StreamAsync(request, cancellationToken).CompletedAsync(cancellationToken);

    /// <summary>The answerer's stream: the answer as it is written; a "not found" while indexing completes as the still-indexing notice.</summary>
    public IAsyncEnumerable<ReplyUpdate> StreamAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var question = request.Argument.Trim();
        return question.Length == 0
            ? ReplyStreams.Of(new NoticeReply("Ask me a question, for example `ask What is QLoRA?`."))
            : AnswerAsync(request.Message, question, cancellationToken);
    }

    private async IAsyncEnumerable<ReplyUpdate> AnswerAsync(IncomingMessage message, string question, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var updates = answerer.StreamAsync(new Question(question, message.Sources, message.History, message.Address.Id), cancellationToken);
        await foreach (var update in updates.WithCancellation(cancellationToken))
        {
            if (update is ReplyCompleted { Reply: AnswerReply { Found: false } } && status is not null
                && await StillIndexing.CheckAsync(status, message.Sources, cancellationToken) is { } indexing)
            {
                yield return new ReplyCompleted(indexing);
                continue;
            }

            yield return update;
        }
    }
}
