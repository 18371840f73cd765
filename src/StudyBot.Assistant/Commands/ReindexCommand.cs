using StudyBot.Core.Admin;
using StudyBot.Core.Conversations;

namespace StudyBot.Assistant.Commands;

/// <summary>`reindex [source|all]` for admins; the outcome is reported in the same conversation when the run ends.</summary>
public sealed class ReindexCommand(IReindexService reindex, ConversationPoster poster) : ICommandHandler
{
    public string Name => "reindex";

    public string Usage => "reindex [source|all]";

    public string Description => "re-read a source now (admins only)";

    public bool TakesArgument => true;

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var message = request.Message;
        if (!message.IsAdmin)
        {
            return new NoticeReply("Sorry, only StudyBot admins can re-index sources. Ask an admin, or try `status` to see when each source last synced.");
        }

        var target = request.Argument.Trim();
        var source = target.Length == 0 || target.Equals("all", StringComparison.OrdinalIgnoreCase) ? null : target;
        var notify = poster.CanPostTo(message.Address) ? message.Address : null;
        var outcomes = await reindex.RequestAsync(source, notify, cancellationToken);
        var whenDone = notify is null ? "`status` shows its progress." : "I'll tell you here when it finishes.";
        var lines = outcomes.Select(o => o.Status switch
        {
            ReindexStatus.Queued => $"• {o.Source}: re-index queued — {whenDone}",
            ReindexStatus.AlreadyRunning => $"• {o.Source}: already running; not queued twice.",
            _ => $"• {o.Source}: no such source.",
        });
        return new NoticeReply(string.Join('\n', lines));
    }
}
