using Microsoft.Extensions.Options;
using StudyBot.Core.Conversations;
using StudyBot.Core.Feedback;
using StudyBot.Teams.Configuration;

namespace StudyBot.Teams.Handling;

/// <summary>
/// The earlier turns of a Teams chat or channel thread, for follow-up questions. The Bot Connector lets a bot
/// read no conversation's messages, and a bot only sees what is addressed to it, so the history is what
/// StudyBot was asked and answered there, from the answer log (as for the playground). The engine fits it
/// into the same token budget as a Slack thread's (StudyBot:Llm:HistoryTokens).
/// </summary>
internal sealed class ConversationHistory(IAnswerLog answers, IOptions<TeamsOptions> options)
{
    public async Task<IReadOnlyList<ConversationTurn>> OfAsync(ConversationAddress conversation, CancellationToken cancellationToken)
    {
        var turns = options.Value.HistoryMessages;
        if (turns == 0)
        {
            return [];
        }

        // Each logged answer is two turns: the question and the answer.
        var recent = await answers.RecentTurnsAsync(conversation.Channel, conversation.Id, (turns + 1) / 2, cancellationToken);
        return [.. recent.TakeLast(turns)];
    }
}
