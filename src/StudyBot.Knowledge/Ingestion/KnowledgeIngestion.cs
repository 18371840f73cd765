using Microsoft.Extensions.Logging;
using Microsoft.Extensions.VectorData;
using StudyBot.Core.Ingestion;
using StudyBot.Knowledge.Index;
using StudyBot.Knowledge.Sources;

namespace StudyBot.Knowledge.Ingestion;

/// <summary>
/// Runs sources' ingestion under their lock in the run store, so one run per source goes on at a time
/// across every host; the run's progress, result and failure streak are recorded there.
/// </summary>
public sealed partial class KnowledgeIngestion(
    VectorStoreCollection<string, ChunkRecord> index,
    SourceCatalog catalog,
    IngestionPipeline pipeline,
    ISourceRunStore runs,
    TimeProvider time,
    ILogger<KnowledgeIngestion> logger)
{
    public Task LoadIndexAsync(CancellationToken cancellationToken) => index.EnsureCollectionExistsAsync(cancellationToken);

    /// <summary>Every configured source, one after another.</summary>
    /// <param name="progress">A watcher per source (the command line's progress lines), if any.</param>
    public async Task<IReadOnlyDictionary<string, SourceRunOutcome?>> IngestAllAsync(
        Func<string, IProgress<IngestionProgress>>? progress, CancellationToken cancellationToken)
    {
        var outcomes = new Dictionary<string, SourceRunOutcome?>(StringComparer.OrdinalIgnoreCase);
        foreach (var source in catalog.All)
        {
            outcomes[source.Name] = await IngestAsync(source, progress?.Invoke(source.Name), cancellationToken);
        }

        return outcomes;
    }

    /// <summary>One run of a source, configured or ad hoc (the command line's <c>ingest &lt;folder&gt;</c>).</summary>
    /// <returns>Null when another run of the source holds its lock, on this host or another.</returns>
    public async Task<SourceRunOutcome?> IngestAsync(IKnowledgeSource source, IProgress<IngestionProgress>? progress, CancellationToken cancellationToken)
    {
        if (!await runs.TryStartAsync(source.Name, cancellationToken))
        {
            LogBusy(source.Name);
            return null;
        }

        IngestionResult result;
        await using (var reporter = new RunReporter(runs, source.Name, progress, time, logger))
        {
            try
            {
                await LoadIndexAsync(cancellationToken);
                result = await pipeline.RunAsync(source, reporter, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                await runs.FinishAsync(source.Name, Failed("cancelled"), CancellationToken.None);
                throw;
            }
            catch (Exception ex)
            {
                // The index could not be opened (Qdrant down, a collection made for other vectors): the run fails and is retried.
                LogIndexFailed(ex, source.Name, ex.Message);
                result = Failed(ex.Message);
            }
        }

        var streak = await runs.FinishAsync(source.Name, result, CancellationToken.None);
        return new SourceRunOutcome(source.Name, result, streak);
    }

    private static IngestionResult Failed(string reason) => new(new IngestionCounts(0, 0, 0, 0, 0, 0), reason, []);

    [LoggerMessage(LogLevel.Information, "Ingestion of {Source} skipped: another run of it is going on")]
    private partial void LogBusy(string source);

    [LoggerMessage(LogLevel.Error, "Ingestion of {Source} failed: the index could not be opened: {Reason}")]
    private partial void LogIndexFailed(Exception exception, string source, string reason);
}

/// <param name="StreakBefore">The source's failed runs in a row before this one.</param>
public sealed record SourceRunOutcome(string Source, IngestionResult Result, FailureStreak StreakBefore);
