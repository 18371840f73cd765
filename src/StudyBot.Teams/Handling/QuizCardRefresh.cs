using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using StudyBot.Core.Quizzes;
using StudyBot.Teams.Api;
using StudyBot.Teams.Rendering;
using StudyBot.Teams.Replies;
using StudyBot.Teams.Wire;

namespace StudyBot.Teams.Handling;

/// <summary>
/// Per-user views of a shared quiz question: when someone answers, the question's message is updated so its
/// refresh lists them (userIds, the latest 60 answerers), and Teams then asks StudyBot for their own view
/// (their result) wherever they open the card, while everyone else keeps seeing the question.
/// The answerers are kept in memory per message: after a restart the list starts again, and those left out can
/// still choose Refresh on the card.
/// </summary>
internal sealed partial class QuizCardRefresh(ConnectorClient connector, IMemoryCache cache, ILogger<QuizCardRefresh> logger)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromDays(1);
    private readonly Lock _gate = new();

    /// <param name="press">The adaptiveCard/action invoke of the answer; its replyToId is the question's message.</param>
    public async Task AddAnswererAsync(Activity press, QuizQuestionReply question, CancellationToken cancellationToken)
    {
        if (press.ReplyToId is not { Length: > 0 } messageId || press.From?.Id is not { Length: > 0 } userId)
        {
            return;
        }

        string[] answeredBy;
        lock (_gate)
        {
            var key = (nameof(QuizCardRefresh), press.Conversation?.Id, messageId);
            var known = cache.Get<string[]>(key) ?? [];
            if (known.Contains(userId, StringComparer.Ordinal))
            {
                return;
            }

            answeredBy = [.. known.Append(userId).TakeLast(CardAction.MaxRefreshUsers)];
            cache.Set(key, answeredBy, KeepFor);
        }

        var card = QuizCards.Question(question with { Notice = null }, answeredBy);
        try
        {
            await connector.UpdateAsync(ConversationReference.Of(press), messageId, AdaptiveCard.Message(card), cancellationToken);
        }
        catch (ConnectorException e)
        {
            // The answer counts and the answerer sees it; only the card's later refreshes are lost.
            LogUpdateFailed(e, messageId);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Could not update quiz card {MessageId} with its answerers")]
    private partial void LogUpdateFailed(Exception exception, string messageId);
}
