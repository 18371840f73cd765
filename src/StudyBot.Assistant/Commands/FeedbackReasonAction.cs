using StudyBot.Core.Conversations;
using StudyBot.Core.Feedback;

namespace StudyBot.Assistant.Commands;

/// <summary>The reason given for a 👎 (wrong, outdated, missing source, other + free text), stored with the vote.</summary>
public sealed class FeedbackReasonAction(IAnswerLog answers) : IActionHandler
{
    public string ActionId => IncomingAction.FeedbackReason;

    public async Task<Reply> HandleAsync(IncomingAction action, CancellationToken cancellationToken)
    {
        var parts = action.Value.Split('|', 3);
        if (parts.Length < 2 || !FeedbackReason.TryParseKind(parts[1], out var kind))
        {
            return new NoticeReply("That feedback form is not one I know: pick wrong, outdated, missing source or other.");
        }

        if (await answers.FindAsync(parts[0], cancellationToken) is null)
        {
            return new NoticeReply("That feedback form no longer points to an answer I know.");
        }

        var reason = new FeedbackReason(kind, parts.Length == 3 ? parts[2] : null);
        await answers.RecordFeedbackReasonAsync(parts[0], action.UserId, reason, cancellationToken);
        return new NoticeReply($"Thanks — noted as {FeedbackReason.Label(kind).ToLowerInvariant()}. It goes into the knowledge-gap report.");
    }
}
