using StudyBot.Core.Admin;
using StudyBot.Core.Conversations;
using StudyBot.Knowledge.Ingestion;
using StudyBot.Knowledge.Sources;

namespace StudyBot.Host.CommandLine;

/// <summary>The command line has no job server: a re-index runs at once, in the process that asked.</summary>
internal sealed class InlineReindexService(SourceCatalog catalog, KnowledgeIngestion ingestion) : IReindexService
{
    public async Task<IReadOnlyList<ReindexOutcome>> RequestAsync(string? source, ConversationAddress? notify, CancellationToken cancellationToken)
    {
        var targets = source is null ? catalog.All : catalog.Find(source) is { } one ? [one] : [];
        if (targets.Count == 0)
        {
            return [new ReindexOutcome(source ?? "all", ReindexStatus.UnknownSource)];
        }

        var outcomes = new List<ReindexOutcome>();
        foreach (var target in targets)
        {
            var run = await ingestion.IngestAsync(target, progress: null, cancellationToken);
            outcomes.Add(new ReindexOutcome(target.Name, run is null ? ReindexStatus.AlreadyRunning : ReindexStatus.Queued));
        }

        return outcomes;
    }
}
