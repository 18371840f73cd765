using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using StudyBot.Core.Ingestion;
using StudyBot.Tests;

namespace StudyBot.Storage.Tests;

/// <summary>The one record of each source's runs, on a real SQLite file and a real PostgreSQL database.</summary>
public sealed class SourceRunStoreTests
{
    private static readonly IngestionCounts Counts = new(2, 0, 1, 0, 1, 0.5);

    [Theory]
    [InlineData("Sqlite")]
    [PostgresData]
    public async Task TryReserve_EightHostsAtOnce_OneWinsUntilTheRunFinishes(string provider)
    {
        await using var bed = await StoreTestBed.StartAsync(provider);
        var runs = bed.Services.GetRequiredService<ISourceRunStore>();

        var reserved = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => runs.TryReserveAsync("wiki", CancellationToken.None))));

        Assert.Equal(1, reserved.Count(r => r));
        Assert.True(await runs.TryStartAsync("wiki", CancellationToken.None));
        Assert.False(await runs.TryReserveAsync("wiki", CancellationToken.None));
        await runs.FinishAsync("wiki", new IngestionResult(Counts, null, []), CancellationToken.None);
        Assert.True(await runs.TryReserveAsync("wiki", CancellationToken.None));
    }

    [Theory]
    [InlineData("Sqlite")]
    [PostgresData]
    public async Task TryStart_WhileARunHoldsTheLock_IsRefusedUntilItsLeaseRunsOut(string provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));
        await using var bed = await StoreTestBed.StartAsync(provider, time: clock);
        var runs = bed.Services.GetRequiredService<ISourceRunStore>();
        Assert.True(await runs.TryStartAsync("wiki", CancellationToken.None));

        clock.Advance(SourceRunLease.Duration - TimeSpan.FromSeconds(1));
        await runs.ReportAsync("wiki", new IngestionProgress(1, 4, []), CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(2));
        var whileRenewed = await runs.TryStartAsync("wiki", CancellationToken.None);
        clock.Advance(SourceRunLease.Duration);
        var afterItsHostDied = await runs.TryStartAsync("wiki", CancellationToken.None);

        Assert.False(whileRenewed);
        Assert.True(afterItsHostDied);
    }

    [Theory]
    [InlineData("Sqlite")]
    [PostgresData]
    public async Task Report_WhileRunning_EveryHostSeesProgressAndErrorsSoFar(string provider)
    {
        await using var bed = await StoreTestBed.StartAsync(provider);
        var runs = bed.Services.GetRequiredService<ISourceRunStore>();
        await runs.TryStartAsync("wiki", CancellationToken.None);

        await runs.ReportAsync("wiki", new IngestionProgress(3, 10, [new DocumentError("scan.pdf", "no text layer")]), CancellationToken.None);

        var run = (await bed.Services.GetRequiredService<ISourceRunStore>().GetAllAsync(CancellationToken.None))["wiki"];
        Assert.Equal((SourceRunState.Running, 3, 10), (run.State, run.Done, run.Total));
        Assert.Equal(new DocumentError("scan.pdf", "no text layer"), Assert.Single(run.Errors));
        Assert.Equal(("scan.pdf", "no text layer"), (run.LastError?.Document, run.LastError?.Error));
    }

    [Theory]
    [InlineData("Sqlite")]
    [PostgresData]
    public async Task Finish_AfterTheLastProgressReportLagged_ShowsEveryListedDocumentDone(string provider)
    {
        await using var bed = await StoreTestBed.StartAsync(provider);
        var runs = bed.Services.GetRequiredService<ISourceRunStore>();
        await runs.TryStartAsync("wiki", CancellationToken.None);
        await runs.ReportAsync("wiki", new IngestionProgress(3, 4, []), CancellationToken.None);

        await runs.FinishAsync("wiki", new IngestionResult(Counts, null, []), CancellationToken.None);

        var run = (await runs.GetAllAsync(CancellationToken.None))["wiki"];
        Assert.Equal((SourceRunState.Idle, 4, 4), (run.State, run.Done, run.Total));
    }

    [Theory]
    [InlineData("Sqlite")]
    [PostgresData]
    public async Task Finish_FailedRunsInARow_AreCountedUntilASuccessEndsTheStreak(string provider)
    {
        await using var bed = await StoreTestBed.StartAsync(provider);
        var runs = bed.Services.GetRequiredService<ISourceRunStore>();
        var failed = new IngestionResult(Counts, "folder does not exist", []);

        var streaks = new List<FailureStreak>();
        for (var i = 0; i < 3; i++)
        {
            await runs.TryStartAsync("wiki", CancellationToken.None);
            streaks.Add(await runs.FinishAsync("wiki", failed, CancellationToken.None));
        }

        var failing = (await runs.GetAllAsync(CancellationToken.None))["wiki"];
        await runs.MarkStreakAlertedAsync("wiki", CancellationToken.None);
        await runs.TryStartAsync("wiki", CancellationToken.None);
        var ended = await runs.FinishAsync("wiki", new IngestionResult(Counts, null, [new DocumentError("a.md", "not UTF-8")]), CancellationToken.None);
        var recovered = (await runs.GetAllAsync(CancellationToken.None))["wiki"];

        Assert.Equal([new FailureStreak(0, false), new FailureStreak(1, false), new FailureStreak(2, false)], streaks);
        Assert.Equal(SourceRunState.Failed, failing.State);
        Assert.Equal([new DocumentError(DocumentError.WholeSource, "folder does not exist")], failing.Errors);
        Assert.Equal(new FailureStreak(3, true), ended);
        Assert.Equal((SourceRunState.Idle, Counts), (recovered.State, recovered.LastRun));
        Assert.NotNull(recovered.LastSucceeded);
        Assert.Equal([new DocumentError("a.md", "not UTF-8")], recovered.Errors);
        Assert.Equal(("a.md", "not UTF-8"), (recovered.LastError?.Document, recovered.LastError?.Error));
    }
}
