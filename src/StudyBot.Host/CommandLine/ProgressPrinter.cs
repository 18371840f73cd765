using StudyBot.Knowledge.Ingestion;

namespace StudyBot.Host.CommandLine;

/// <summary>Prints "source: 120/450 documents" to stderr at most every half second during ingestion.</summary>
internal sealed class ProgressPrinter : IDisposable
{
    private readonly IngestionTracker _tracker;
    private long _lastPrinted;

    public ProgressPrinter(IngestionTracker tracker)
    {
        _tracker = tracker;
        _tracker.Progressed += OnProgress;
    }

    public void Dispose() => _tracker.Progressed -= OnProgress;

    private void OnProgress(string source, SourceRun run)
    {
        var now = Environment.TickCount64;
        var finished = run.State != "running" || run.Done == run.Total;
        if (!finished && now - Interlocked.Read(ref _lastPrinted) < 500)
        {
            return;
        }

        Interlocked.Exchange(ref _lastPrinted, now);
        if (run.State == "running" && run.Total > 0)
        {
            Console.Error.WriteLine($"{source}: {run.Done}/{run.Total} documents");
        }
    }
}
