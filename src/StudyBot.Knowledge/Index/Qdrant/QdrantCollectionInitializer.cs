using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Core.Retrieval;
using StudyBot.Knowledge.Configuration;

namespace StudyBot.Knowledge.Index.Qdrant;

/// <summary>
/// With Provider Qdrant, checks the collection before the host serves: one made for vectors of
/// another size stops start-up with the reason. An unreachable Qdrant does not: /readyz reports it
/// and the collection is set up on the first request that finds Qdrant back.
/// </summary>
internal sealed partial class QdrantCollectionInitializer(
    IOptions<VectorStoreOptions> options, IServiceProvider services, ILogger<QdrantCollectionInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Provider != VectorStoreProvider.Qdrant)
        {
            return;
        }

        var store = services.GetRequiredService<QdrantChunkStore>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.Qdrant.TimeoutSeconds));
        try
        {
            await store.EnsureCollectionExistsAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is KnowledgeUnavailableException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogUnreachable(options.Value.Qdrant.Url, ex.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Warning, "Qdrant at {Url} is not reachable at start-up ({Reason}); StudyBot serves, /readyz reports it, and ingestion retries")]
    private partial void LogUnreachable(string? url, string reason);
}
