using StudyBot.Core.Admin;
using StudyBot.Knowledge.Ingestion;

namespace StudyBot.Host.Ingestion;

/// <summary>Loads the persisted index, then queues a re-index of every source, while the host already serves.</summary>
public sealed partial class StartupIngestionService(KnowledgeIngestion ingestion, IReindexService reindex, ILogger<StartupIngestionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await ingestion.LoadIndexAsync(stoppingToken);
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

    [LoggerMessage(LogLevel.Error, "Start-up ingestion failed")]
    private partial void LogFailed(Exception exception);
}
