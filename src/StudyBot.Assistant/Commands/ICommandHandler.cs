using System.Runtime.CompilerServices;
using StudyBot.Core.Conversations;

namespace StudyBot.Assistant.Commands;

/// <summary>One chat command (ask, status, …); the engine routes a message to it by its first word.</summary>
public interface ICommandHandler
{
    /// <summary>The word that selects this command.</summary>
    string Name { get; }

    /// <summary>How to call it, for help: "ask &lt;question&gt;".</summary>
    string Usage { get; }

    string Description { get; }

    /// <summary>False for bare commands such as "status": "status of the rollout?" is then a question.</summary>
    bool TakesArgument { get; }

    Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken);

    /// <summary>The reply as it is produced (see <see cref="ReplyUpdate"/>); a command that does not stream completes at once.</summary>
    async IAsyncEnumerable<ReplyUpdate> StreamAsync(CommandRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return new ReplyCompleted(await HandleAsync(request, cancellationToken));
    }
}

/// <summary>A routed message: the command's argument is the text after the command word.</summary>
public sealed record CommandRequest(IncomingMessage Message, string Argument);
