namespace StudyBot.Knowledge.Chunking;

public sealed record ChunkingOptions
{
    /// <summary>Upper bound of a chunk's body in cl100k tokens.</summary>
    public int MaxTokens { get; init; } = 300;

    /// <summary>Tokens of the previous chunk repeated at the start of the next one inside the same section.</summary>
    public int OverlapTokens { get; init; } = 40;

    public void Validate()
    {
        if (MaxTokens < 32)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxTokens), MaxTokens, "MaxTokens must be at least 32.");
        }

        if (OverlapTokens < 0 || OverlapTokens >= MaxTokens / 2)
        {
            throw new ArgumentOutOfRangeException(nameof(OverlapTokens), OverlapTokens, "OverlapTokens must be between 0 and half of MaxTokens.");
        }
    }
}
