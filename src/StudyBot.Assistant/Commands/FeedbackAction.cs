using StudyBot.Core.Conversations;
using StudyBot.Core.Feedback;
using StudyBot.Core.Telemetry;

namespace StudyBot.Assistant.Commands;

/// <summary>👍/👎 on an answer: stored with the answer's question, text and citations.</summary>
public sealed class FeedbackAction(IAnswerLog answers) : IActionHandler
{
    public string ActionId => IncomingAction.Feedback;

    public async Task<Reply> HandleAsync(IncomingAction action, CancellationToken cancellationToken)
    {
        var separator = action.Value.LastIndexOf('|');
        var vote = separator < 0 ? "" : action.Value[(separator + 1)..];
        var answer = vote is "up" or "down" ? await answers.FindAsync(action.Value[..separator], cancellationToken) : null;
        if (answer is null)
        {
            return new NoticeReply("That feedback button no longer points to an answer I know.");
        }

        await answers.RecordFeedbackAsync(action.Value[..separator], action.UserId, vote == "up", cancellationToken);
        AnswerTelemetry.RecordFeedback(action.Channel, vote == "up", answer.PromptVersion);
        return new NoticeReply(vote == "up" ? "Thanks — glad it helped." : "Thanks — I'll use that to find gaps in the knowledge base.");
    }
}
