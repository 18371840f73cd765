namespace StudyBot.Core.Ingestion;

/// <summary>A document a run could not read, and why; "(source)" names a failure of the whole run.</summary>
public sealed record DocumentError(string Document, string Error)
{
    public const string WholeSource = "(source)";
}

/// <summary>The most recent error of a source, kept after later successful runs so a health page can show when it happened.</summary>
/// <param name="Document">The document that failed; null when the whole run failed (listing, credentials).</param>
public sealed record SourceError(DateTimeOffset At, string? Document, string Error);
