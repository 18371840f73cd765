using StudyBot.Core.Conversations;

namespace StudyBot.Assistant.Commands;

/// <summary>Handles one kind of button press, selected by <see cref="IncomingAction.ActionId"/>.</summary>
public interface IActionHandler
{
    string ActionId { get; }

    Task<Reply> HandleAsync(IncomingAction action, CancellationToken cancellationToken);
}
