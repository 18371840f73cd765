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
}
