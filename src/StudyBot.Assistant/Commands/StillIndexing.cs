using StudyBot.Core.Conversations;
using StudyBot.Core.Ingestion;
using StudyBot.Core.Retrieval;

namespace StudyBot.Assistant.Commands;

/// <summary>
/// While the sources a question searches still lack documents their ingestion has listed (the first
/// ingestion, or new documents being added), "not in the knowledge base" may be false: the reply says
/// so with the progress, and when to ask again.
/// </summary>
internal static class StillIndexing
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(5);

    public static async Task<NoticeReply?> CheckAsync(IKnowledgeStatus status, IReadOnlyCollection<string>? sources, CancellationToken cancellationToken)
    {
        KnowledgeStatus current;
        try
        {
            current = await status.GetStatusAsync(cancellationToken);
        }
        catch (KnowledgeUnavailableException)
        {
            return null;
        }

        var indexing = current.Sources
            .Where(s => s.Configured && (sources is not { Count: > 0 } || sources.Contains(s.Name, StringComparer.OrdinalIgnoreCase)))
            .Where(IsMissingDocuments)
            .ToList();
        if (indexing.Count == 0)
        {
            return null;
        }

        var (done, total) = (indexing.Sum(s => s.ProgressDone), indexing.Sum(s => s.ProgressTotal));
        var progress = total > 0 ? $" ({done} of {total} documents)" : "";
        var wait = indexing.Max(s => s.EstimatedSecondsLeft) is { } left ? TimeSpan.FromSeconds(Math.Clamp(left, 1, 60)) : DefaultWait;
        return new NoticeReply(
            $"I'm still indexing the knowledge base{progress} and have found nothing about that so far — please ask again in a moment.", wait);
    }

    /// <summary>Never indexed yet, or running with listed documents neither indexed nor failed.</summary>
    private static bool IsMissingDocuments(SourceStatus source) => source.Documents == 0
        ? source.State is SourceRunState.Pending or SourceRunState.Running
        : source.State == SourceRunState.Running && source.ProgressTotal - source.Errors.Count > source.Documents;
}
