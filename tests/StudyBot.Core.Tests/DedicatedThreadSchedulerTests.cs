using StudyBot.Core.Threading;

namespace StudyBot.Core.Tests;

public sealed class DedicatedThreadSchedulerTests
{
    [Fact]
    public async Task RunAsync_WorkAndItsContinuations_StayOffTheThreadPool()
    {
        using var scheduler = new DedicatedThreadScheduler("test", threads: 1);
        var threads = new List<(string? Name, bool Pool)>();

        var result = await scheduler.RunAsync(async () =>
        {
            threads.Add((Thread.CurrentThread.Name, Thread.CurrentThread.IsThreadPoolThread));
            await Task.Delay(10);
            threads.Add((Thread.CurrentThread.Name, Thread.CurrentThread.IsThreadPoolThread));
            await Task.Yield();
            threads.Add((Thread.CurrentThread.Name, Thread.CurrentThread.IsThreadPoolThread));
            return 42;
        }, CancellationToken.None);

        Assert.Equal(42, result);
        Assert.All(threads, t => Assert.Equal(("test", false), t));
    }

    [Fact]
    public async Task RunAsync_WorkThatThrows_FaultsItsTask()
    {
        using var scheduler = new DedicatedThreadScheduler("test", threads: 2);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            scheduler.RunAsync(() => Task.FromException(new InvalidOperationException("model failed")), CancellationToken.None));

        Assert.Equal("model failed", error.Message);
    }

    [LinuxFact]
    public async Task RunAsync_WithANiceValue_RunsTheWorkAtThatNice()
    {
        using var scheduler = new DedicatedThreadScheduler("test", threads: 1, nice: 10);

        var nice = await scheduler.RunAsync(() => Task.FromResult(ThreadNice()), CancellationToken.None);

        Assert.Equal(10, nice);
        Assert.Equal(0, await Task.Run(ThreadNice));
    }

    /// <summary>The calling thread's nice value, field 19 of /proc/thread-self/stat.</summary>
    private static int ThreadNice()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[16], System.Globalization.CultureInfo.InvariantCulture);
    }
}

internal sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "nice values are a Linux scheduler setting";
        }
    }
}
