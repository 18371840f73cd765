using Microsoft.Extensions.Logging;
using StudyBot.Core.Conversations;

namespace StudyBot.Assistant.Commands;

/// <summary>
/// Posts unprompted replies (a quiz's next question or results, a re-index outcome) through the
/// <see cref="IReplyPoster"/> of the address's channel. A failed post is logged, not thrown: the
/// work that posts has moved on in its store either way, and must not stop for one conversation.
/// </summary>
public sealed partial class ConversationPoster(IEnumerable<IReplyPoster> posters, ILogger<ConversationPoster> logger)
{
    private readonly Dictionary<string, IReplyPoster> _posters = posters.ToDictionary(p => p.Channel, StringComparer.Ordinal);

    /// <summary>Whether the address's channel can be posted to unprompted (not the playground or the command line).</summary>
    public bool CanPostTo(ConversationAddress to) => _posters.ContainsKey(to.Channel);

    /// <returns>True when the channel's poster took the reply.</returns>
    public async Task<bool> PostAsync(ConversationAddress to, Reply reply, CancellationToken cancellationToken)
    {
        if (!_posters.TryGetValue(to.Channel, out var poster))
        {
            LogNoPoster(to.Channel, reply.GetType().Name);
            return false;
        }

        try
        {
            await poster.PostAsync(to, reply, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogPostFailed(ex, reply.GetType().Name, to.Channel);
            return false;
        }
    }

    [LoggerMessage(LogLevel.Warning, "No poster for channel {Channel}: {Reply} not posted")]
    private partial void LogNoPoster(string channel, string reply);

    [LoggerMessage(LogLevel.Warning, "Posting {Reply} to {Channel} failed")]
    private partial void LogPostFailed(Exception exception, string reply, string channel);
}
