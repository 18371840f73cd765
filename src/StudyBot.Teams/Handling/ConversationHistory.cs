using Microsoft.Extensions.Options;
using StudyBot.Core.Conversations;
using StudyBot.Core.Feedback;
using StudyBot.Teams.Configuration;

namespace StudyBot.Teams.Handling;

/// <summary>
/// The earlier turns of a Teams chat or channel thread, for follow-up questions. A bot cannot read a
/// conversation's messages through the Bot Connector, and it only ever sees the messages addressed to it, so
/// the history is what StudyBot was asked and answered there, from the answer log. The engine fits it into
/// the same history budget as a Slack thread's (StudyBot:Llm:HistoryTokens).
/// </summary>
internal sealed class ConversationHistory(IAnswerLog answers, IOptions<TeamsOptions> options)
{
    /// <param name="before">When the question arrived: answers given after it (a retry's own) are not its history.</param>
    public async Task<IReadOnlyList<ConversationTurn>> OfAsync(ConversationAddress conversation, DateTimeOffset before, CancellationToken cancellationToken)
    {
        var turns = options.Value.HistoryMessages;
        if (turns == 0)
        {
            return [];
        }

        var logged = await answers.ListConversationAsync(conversation.Channel, conversation.Id, before, (turns + 1) / 2, cancellationToken);
        return [.. logged
            .SelectMany(l => new[] { new ConversationTurn(FromBot: false, l.Answer.Question), new ConversationTurn(FromBot: true, l.Answer.Answer) })
            .TakeLast(turns)];
    }
}
