using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StudyBot.Core.Retrieval;
using StudyBot.Core.Threading;
using StudyBot.Knowledge.Embeddings;
using StudyBot.Knowledge.Index;

namespace StudyBot.Knowledge.Ingestion;

/// <summary>
/// Computes, in the background and a few chunks at a time, the vectors of chunks the index took
/// without one (<see cref="IDeferredVectors"/>), so ingestion and answers never wait for the
/// embedding model: words find a new chunk at once, meaning a little later. The model runs on a
/// thread of its own, not on the thread pool (see <see cref="DedicatedThreadScheduler"/>).
/// </summary>
public sealed partial class EmbeddingBackfill(IDocumentIndex index, ChunkEmbedder embedder, TimeProvider time, ILogger<EmbeddingBackfill> logger) : BackgroundService
{
    /// <summary>The name of the thread the background embedding runs on.</summary>
    public const string ThreadName = "StudyBot embedding backfill";

    /// <summary>Chunks per round: small, so a changed document's vectors land soon and progress moves steadily.</summary>
    private const int BatchSize = 8;

    private static readonly TimeSpan IdlePoll = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly DedicatedThreadScheduler _model = new(ThreadName, threads: 1);
    private double _chunksPerSecond;

    /// <summary>Progress for /api/status: null when the store takes every chunk with its vector.</summary>
    public EmbeddingProgress? Progress => index is IDeferredVectors deferred
        ? new EmbeddingProgress(embedder.EmbedderId, deferred.Vectors.Chunks, deferred.Vectors.Embedded, _chunksPerSecond > 0 ? Math.Round(_chunksPerSecond, 1) : null)
        : null;

    /// <summary>Embeds every chunk still without a vector, then returns (the evaluation waits for this).</summary>
    public Task CompleteAsync(CancellationToken cancellationToken) => CompleteAsync(TimeSpan.MaxValue, cancellationToken);

    /// <summary>Embeds chunks still without a vector until none is left or the budget is spent; true when none is left.</summary>
    public async Task<bool> CompleteAsync(TimeSpan budget, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        while (await RunBatchAsync(cancellationToken) > 0)
        {
            if (time.GetElapsedTime(started) >= budget)
            {
                return Progress is not { } progress || progress.Embedded >= progress.Chunks;
            }
        }

        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (index is not IDeferredVectors deferred)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Woken by the index when chunks arrive without vectors, so no clock drives an idle loop.
                await deferred.WaitForChunksWithoutVectorsAsync(stoppingToken);
                if (await RunBatchAsync(stoppingToken) == 0)
                {
                    await Task.Delay(IdlePoll, time, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The model or the index failed (a remote embedder down, a full disk): words keep serving; try again later.
                LogFailed(ex, ex.Message);
                await Task.Delay(RetryAfterFailure, time, stoppingToken);
            }
        }
    }

    /// <summary>Embeds one batch; returns how many chunks it took.</summary>
    private async Task<int> RunBatchAsync(CancellationToken cancellationToken)
    {
        if (index is not IDeferredVectors deferred)
        {
            return 0;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var chunks = await deferred.GetChunksWithoutVectorsAsync(BatchSize, cancellationToken);
            if (chunks.Count == 0)
            {
                return 0;
            }

            var started = Stopwatch.GetTimestamp();
            var vectors = await _model.RunAsync(() => embedder.EmbedAsync(chunks, cancellationToken), cancellationToken);
            await deferred.SetVectorsAsync(chunks.Select((c, i) => (c.Key, (ReadOnlyMemory<float>)vectors[i])).ToList(), cancellationToken);
            var rate = chunks.Count / Math.Max(1e-3, Stopwatch.GetElapsedTime(started).TotalSeconds);
            _chunksPerSecond = _chunksPerSecond == 0 ? rate : 0.7 * _chunksPerSecond + 0.3 * rate;
            return chunks.Count;
        }
        finally
        {
            _gate.Release();
        }
    }

    public override void Dispose()
    {
        _gate.Dispose();
        _model.Dispose();
        base.Dispose();
    }

    [LoggerMessage(LogLevel.Warning, "Computing chunk vectors failed; chunks stay searchable by words and are retried: {Reason}")]
    private partial void LogFailed(Exception exception, string reason);
}

