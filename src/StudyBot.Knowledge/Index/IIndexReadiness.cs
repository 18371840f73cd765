namespace StudyBot.Knowledge.Index;

/// <summary>Whether the vector store can serve searches now; /readyz and /api/status report it.</summary>
public interface IIndexReadiness
{
    Task<IndexReadiness> CheckAsync(CancellationToken cancellationToken);
}

/// <param name="Detail">"ready", or why not, in words an operator can act on.</param>
public sealed record IndexReadiness(bool Ready, string Detail);
