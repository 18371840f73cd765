using StudyBot.Core.Admin;
using StudyBot.Core.Retrieval;
using StudyBot.Knowledge.Ingestion;

namespace StudyBot.Operations.Jobs;

/// <summary>Loads the persisted index, then queues a re-index of every source, while the host already serves.</summary>
public sealed partial class StartupIngestionService(KnowledgeIngestion ingestion, IReindexService reindex, ILogger<StartupIngestionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            try
            {
                await ingestion.LoadIndexAsync(stoppingToken);
            }
            catch (KnowledgeUnavailableException ex)
            {
                // Qdrant down at start: the runs below fail and are retried until it is back.
                LogIndexUnavailable(ex.Message);
            }

            await reindex.RequestAsync(source: null, notify: null, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            LogFailed(ex);
        }
    }

    [LoggerMessage(LogLevel.Warning, "The index is unavailable at start-up: {Reason}")]
    private partial void LogIndexUnavailable(string reason);

    [LoggerMessage(LogLevel.Error, "Start-up ingestion failed")]
    private partial void LogFailed(Exception exception);
}
