using Hangfire;
using StudyBot.Core.Admin;
using StudyBot.Core.Conversations;
using StudyBot.Core.Ingestion;
using StudyBot.Knowledge.Sources;

namespace StudyBot.Operations.Jobs;

/// <summary>Reserves a source and enqueues its run; a source already queued or running is not queued twice.</summary>
public sealed class ReindexService(SourceCatalog catalog, ISourceRunStore runs, IBackgroundJobClient jobs) : IReindexService
{
    public async Task<IReadOnlyList<ReindexOutcome>> RequestAsync(string? source, ConversationAddress? notify, CancellationToken cancellationToken)
    {
        var targets = source is null ? catalog.All.Select(s => s.Name).ToList() : [source];
        var outcomes = new List<ReindexOutcome>();
        foreach (var name in targets)
        {
            var configured = catalog.Find(name);
            if (configured is null)
            {
                outcomes.Add(new ReindexOutcome(name, ReindexStatus.UnknownSource));
            }
            else if (!await runs.TryReserveAsync(configured.Name, cancellationToken))
            {
                outcomes.Add(new ReindexOutcome(configured.Name, ReindexStatus.AlreadyRunning));
            }
            else
            {
                var sourceName = configured.Name;
                jobs.Enqueue<IngestionJobs>(j => j.RunAsync(sourceName, notify, CancellationToken.None));
                outcomes.Add(new ReindexOutcome(sourceName, ReindexStatus.Queued));
            }
        }

        return outcomes;
    }
}
