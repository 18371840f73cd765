using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace StudyBot.Core.Threading;

/// <summary>
/// Runs long CPU-bound work (answering, the embedding model) on threads of its own, off the thread
/// pool. On a small machine the pool has a worker per core and adds none while the CPU is busy, so
/// synchronous work on pool threads (an ONNX inference holds its thread for up to a few hundred
/// milliseconds) left no worker for the requests the host must answer at once — webhook
/// acknowledgements waited seconds. Awaits inside work started here continue here (an await resumes
/// on the current <see cref="TaskScheduler"/>), so the work never returns to the pool.
/// </summary>
public sealed partial class DedicatedThreadScheduler : TaskScheduler, IDisposable
{
    private readonly BlockingCollection<Task> _queue = [];
    private readonly int _threads;
    private readonly int _nice;

    /// <param name="name">Thread name, as profilers and dumps show it.</param>
    /// <param name="threads">How many threads run the work: the most of it that runs at once.</param>
    /// <param name="nice">
    /// The threads' Linux nice value (ignored elsewhere). Above 0 for work that may wait while the
    /// process has requests to answer within milliseconds: the kernel then runs a woken request
    /// thread ahead of this work instead of sharing the core with it turn by turn.
    /// </param>
    public DedicatedThreadScheduler(string name, int threads, int nice = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        _threads = threads;
        _nice = nice;
        for (var i = 0; i < threads; i++)
        {
            new Thread(Run) { IsBackground = true, Name = name }.Start();
        }
    }

    public override int MaximumConcurrencyLevel => _threads;

    /// <summary>Runs <paramref name="work"/> on these threads; its awaits continue on them too.</summary>
    public Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(work, cancellationToken, TaskCreationOptions.DenyChildAttach, this).Unwrap();

    /// <inheritdoc cref="RunAsync{T}(Func{Task{T}}, CancellationToken)"/>
    public Task RunAsync(Func<Task> work, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(work, cancellationToken, TaskCreationOptions.DenyChildAttach, this).Unwrap();

    /// <summary>The threads end once the work queued before is done; nothing more can be queued.</summary>
    public void Dispose() => _queue.CompleteAdding();

    protected override void QueueTask(Task task)
    {
        try
        {
            _queue.Add(task);
        }
        catch (InvalidOperationException)
        {
            // Disposed: a continuation of work that outlived its owner still runs, on the pool.
            ThreadPool.UnsafeQueueUserWorkItem(t => TryExecuteTask(t), task, preferLocal: false);
        }
    }

    /// <summary>Inline only on these threads, so nothing of the work runs on its caller's thread.</summary>
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        !taskWasPreviouslyQueued && ReferenceEquals(Current, this) && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => _queue.ToArray();

    private void Run()
    {
        if (_nice != 0 && OperatingSystem.IsLinux())
        {
            // On Linux, PRIO_PROCESS with who = 0 sets the calling thread's nice, not the process's.
            _ = SetPriority(0, 0, _nice);
        }

        foreach (var task in _queue.GetConsumingEnumerable())
        {
            TryExecuteTask(task);
        }
    }

#pragma warning disable SYSLIB1054, CA5392 // LibraryImport would need unsafe code for one libc call.
    [DllImport("libc", EntryPoint = "setpriority")]
    private static extern int SetPriority(int which, int who, int prio);
#pragma warning restore SYSLIB1054, CA5392
}
