using Microsoft.EntityFrameworkCore;

namespace StudyBot.Storage.SourceRuns;

/// <summary>
/// At most one ingestion per source across every host on the database: a trigger reserves the
/// source with a compare-and-set, the job keeps the lease alive, and a lease whose host died
/// runs out so the source can be triggered again.
/// </summary>
public sealed class SourceRunLedger(AppStore store, TimeProvider time)
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    /// <summary>Reserves the source for one run; false when a run is already queued or running.</summary>
    public async Task<bool> TryReserveAsync(string source, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var context = store.CreateContext();
        var updated = await context.SourceRuns
            .Where(r => r.Source == source && ((r.Status != "queued" && r.Status != "running") || r.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, "queued").SetProperty(r => r.LeaseUntil, now + Lease), cancellationToken);
        if (updated == 1)
        {
            return true;
        }

        if (await context.SourceRuns.AnyAsync(r => r.Source == source, cancellationToken))
        {
            return false;
        }

        context.SourceRuns.Add(new SourceRunEntity { Source = source, Status = "queued", LeaseUntil = now + Lease });
        try
        {
            await context.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false; // another host inserted the row first and holds the reservation
        }
    }

    public Task MarkRunningAsync(string source, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return UpdateAsync(source, s => s.SetProperty(r => r.Status, "running").SetProperty(r => r.StartedAt, now).SetProperty(r => r.LeaseUntil, now + Lease), cancellationToken);
    }

    public Task ExtendAsync(string source, CancellationToken cancellationToken)
    {
        var until = time.GetUtcNow() + Lease;
        return UpdateAsync(source, s => s.SetProperty(r => r.LeaseUntil, until), cancellationToken);
    }

    public Task FinishAsync(string source, string? error, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return UpdateAsync(source, s => s
            .SetProperty(r => r.Status, error == null ? "idle" : "failed")
            .SetProperty(r => r.FinishedAt, now)
            .SetProperty(r => r.LastError, error)
            .SetProperty(r => r.LeaseUntil, now), cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, SourceRunEntity>> GetAllAsync(CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        return await context.SourceRuns.AsNoTracking().ToDictionaryAsync(r => r.Source, StringComparer.OrdinalIgnoreCase, cancellationToken);
    }

    private async Task UpdateAsync(
        string source,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<SourceRunEntity>> setters,
        CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        await context.SourceRuns.Where(r => r.Source == source).ExecuteUpdateAsync(setters, cancellationToken);
    }
}
