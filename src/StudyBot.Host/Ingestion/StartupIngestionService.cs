using StudyBot.Knowledge.Ingestion;

namespace StudyBot.Host.Ingestion;

/// <summary>Loads the persisted index, then brings every configured source up to date, while the host already serves.</summary>
public sealed partial class StartupIngestionService(KnowledgeIngestion ingestion, ILogger<StartupIngestionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await ingestion.LoadIndexAsync(stoppingToken);
            await ingestion.IngestAllAsync(stoppingToken);
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
