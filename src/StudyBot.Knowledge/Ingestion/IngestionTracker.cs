using System.Collections.Concurrent;
using StudyBot.Core.Retrieval;

namespace StudyBot.Knowledge.Ingestion;

/// <summary>Live and last-run state of each source's ingestion, for status pages and progress output.</summary>
public sealed class IngestionTracker(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, SourceRun> _runs = new(StringComparer.OrdinalIgnoreCase);

    public event Action<string, SourceRun>? Progressed;

    public SourceRun Get(string source) => _runs.GetOrAdd(source, _ => new SourceRun());

    public bool TryStart(string source)
    {
        var run = Get(source);
        lock (run)
        {
            if (run.State == "running")
            {
                return false;
            }

            run.State = "running";
            run.LastStarted = time.GetUtcNow();
            run.Done = 0;
            run.Total = 0;
            run.CurrentErrors.Clear();
            return true;
        }
    }

    public void SetTotal(string source, int total) => Update(source, run => run.Total = total);

    public void Advance(string source) => Update(source, run => run.Done++);

    public void AddError(string source, string document, string error) => Update(source, run =>
    {
        run.CurrentErrors.Add(new DocumentError(document, error));
        run.LastError = new SourceError(time.GetUtcNow(), document, error);
    });

    public void Finish(string source, IngestionCounts counts, string? failure) => Update(source, run =>
    {
        run.State = failure is null ? "idle" : "failed";
        run.LastFinished = time.GetUtcNow();
        run.LastRun = counts;
        run.Failure = failure;
        run.Errors = failure is null ? [.. run.CurrentErrors] : [new DocumentError("(source)", failure), .. run.CurrentErrors];
        if (failure is null)
        {
            run.LastSucceeded = run.LastFinished;
        }
        else
        {
            run.LastError = new SourceError(time.GetUtcNow(), null, failure);
        }
    });

    private void Update(string source, Action<SourceRun> change)
    {
        var run = Get(source);
        lock (run)
        {
            change(run);
        }

        Progressed?.Invoke(source, run);
    }
}

public sealed class SourceRun
{
    public string State { get; internal set; } = "pending";

    public DateTimeOffset? LastStarted { get; internal set; }

    public DateTimeOffset? LastFinished { get; internal set; }

    public int Done { get; internal set; }

    public int Total { get; internal set; }

    public IngestionCounts? LastRun { get; internal set; }

    public string? Failure { get; internal set; }

    /// <summary>End of the last run that listed the source (some documents may still have failed).</summary>
    public DateTimeOffset? LastSucceeded { get; internal set; }

    public SourceError? LastError { get; internal set; }

    /// <summary>Errors of the last finished run.</summary>
    public IReadOnlyList<DocumentError> Errors { get; internal set; } = [];

    internal List<DocumentError> CurrentErrors { get; } = [];

    /// <summary>While a run is going, its errors so far; otherwise the last run's.</summary>
    public IReadOnlyList<DocumentError> VisibleErrors
    {
        get
        {
            lock (this)
            {
                return State == "running" ? [.. CurrentErrors] : Errors;
            }
        }
    }
}
