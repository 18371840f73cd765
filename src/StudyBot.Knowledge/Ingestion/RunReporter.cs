using Microsoft.Extensions.Logging;
using StudyBot.Core.Ingestion;

namespace StudyBot.Knowledge.Ingestion;

/// <summary>
/// A running ingestion's progress: handed to its watcher at once, and written to the run store at
/// most once a second, and at least every <see cref="SourceRunLease.RenewEvery"/> so the source's
/// lease stays alive through a long listing or a slow document.
/// </summary>
internal sealed partial class RunReporter : IProgress<IngestionProgress>, IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private static readonly IngestionProgress Listing = new(0, 0, []);
    private readonly ISourceRunStore _runs;
    private readonly string _source;
    private readonly IProgress<IngestionProgress>? _watcher;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _flushing;
    private IngestionProgress? _latest;

    public RunReporter(ISourceRunStore runs, string source, IProgress<IngestionProgress>? watcher, TimeProvider time, ILogger logger)
    {
        (_runs, _source, _watcher, _time, _logger) = (runs, source, watcher, time, logger);
        _flushing = FlushAsync(_stop.Token);
    }

    public void Report(IngestionProgress value)
    {
        Volatile.Write(ref _latest, value);
        _watcher?.Report(value);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _flushing;
        _stop.Dispose();
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Interval, _time);
        IngestionProgress? written = null;
        var writtenAt = _time.GetTimestamp();
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var latest = Volatile.Read(ref _latest) ?? Listing;
                if (ReferenceEquals(latest, written) && _time.GetElapsedTime(writtenAt) < SourceRunLease.RenewEvery)
                {
                    continue;
                }

                try
                {
                    await _runs.ReportAsync(_source, latest, cancellationToken);
                    (written, writtenAt) = (latest, _time.GetTimestamp());
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogReportFailed(ex, _source);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // the run is over
        }
    }

    [LoggerMessage(LogLevel.Warning, "Could not record the progress of {Source}'s ingestion; trying again in a second")]
    private partial void LogReportFailed(Exception exception, string source);
}
