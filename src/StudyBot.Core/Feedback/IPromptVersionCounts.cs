namespace StudyBot.Core.Feedback;

/// <summary>How many logged answers each prompt variant gave, for the experiment's figures in status.</summary>
public interface IPromptVersionCounts
{
    Task<IReadOnlyDictionary<string, int>> CountAnswersByPromptVersionAsync(CancellationToken cancellationToken);
}
