using StudyBot.Core.Conversations;
using StudyBot.Core.Retrieval;

namespace StudyBot.Assistant.Commands;

public sealed class StatusCommand(IKnowledgeStatus status) : ICommandHandler
{
    public string Name => "status";

    public string Usage => "status";

    public string Description => "what is indexed, and how the last ingestion went";

    public bool TakesArgument => false;

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken) =>
        new StatusReply(await status.GetStatusAsync(cancellationToken));
}
