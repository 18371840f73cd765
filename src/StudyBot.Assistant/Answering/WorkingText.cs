namespace StudyBot.Assistant.Answering;

/// <summary>The words of <see cref="Core.Conversations.ReplyWorking"/> updates, written once for every surface.</summary>
public static class WorkingText
{
    public const string SearchingKnowledge = "Searching the knowledge base…";

    public const string SearchingWeb = "Searching the web…";

    public static string Reading(int pages) => pages == 1 ? "Reading 1 page…" : $"Reading {pages} pages…";
}
