using StudyBot.Core.Conversations;
using StudyBot.Core.Feedback;
using StudyBot.Core.Retrieval;

namespace StudyBot.Assistant.Commands;

/// <param name="feedback">Helpful-rate per prompt version; null where no answer log is kept.</param>
public sealed class StatusCommand(IKnowledgeStatus status, IFeedbackSummary? feedback = null) : ICommandHandler
{
    public string Name => "status";

    public string Usage => "status";

    public string Description => "what is indexed, and how the last ingestion went";

    public bool TakesArgument => false;

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken) => new StatusReply(
        await status.GetStatusAsync(cancellationToken),
        feedback is null ? null : await feedback.GetHelpfulRatesAsync(cancellationToken));
}
