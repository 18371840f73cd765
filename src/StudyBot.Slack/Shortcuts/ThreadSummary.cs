namespace StudyBot.Slack.Shortcuts;

/// <summary>
/// The request that asks for a thread's summary: the thread itself goes to the engine as history; the
/// request names its opening message, so the knowledge base is searched for what the thread is about.
/// </summary>
internal static class ThreadSummary
{
    /// <summary>How much of the opening message the request quotes (well under StudyBot:Safety:MaxQuestionChars' default).</summary>
    private const int OpeningChars = 500;

    public static string Request(string opening)
    {
        var quoted = opening.Length <= OpeningChars ? opening : opening[..OpeningChars].TrimEnd() + "…";
        return $"Summarise this thread, citing the knowledge base where it bears on it. The thread opens with: \"{quoted}\"";
    }
}
