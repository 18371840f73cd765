using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using StudyBot.Core.Ingestion;

namespace StudyBot.Storage.SourceRuns;

/// <summary>
/// The run store in the app store. Each source has one row; its lock is a compare-and-set on the row
/// (queued or running while the lease lasts), so at most one run per source goes on across every host,
/// and a lease whose host died runs out so the source can run again.
/// </summary>
public sealed class SourceRunLedger(AppStore store, TimeProvider time) : ISourceRunStore
{
    public async Task<bool> TryReserveAsync(string source, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var until = now + SourceRunLease.Duration;
        await using var context = store.CreateContext();
        var updated = await context.SourceRuns
            .Where(r => r.Source == source && ((r.Status != SourceRunState.Queued && r.Status != SourceRunState.Running) || r.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, SourceRunState.Queued).SetProperty(r => r.LeaseUntil, until), cancellationToken);
        return updated == 1 || await TryInsertAsync(context, new SourceRunEntity { Source = source, Status = SourceRunState.Queued, LeaseUntil = until }, cancellationToken);
    }

    public async Task<bool> TryStartAsync(string source, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var until = now + SourceRunLease.Duration;
        await using var context = store.CreateContext();
        var updated = await context.SourceRuns
            .Where(r => r.Source == source && (r.Status != SourceRunState.Running || r.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, SourceRunState.Running).SetProperty(r => r.StartedAt, now).SetProperty(r => r.LeaseUntil, until)
                .SetProperty(r => r.Done, 0).SetProperty(r => r.Total, 0).SetProperty(r => r.ErrorsJson, (string?)null), cancellationToken);
        return updated == 1 || await TryInsertAsync(
            context, new SourceRunEntity { Source = source, Status = SourceRunState.Running, StartedAt = now, LeaseUntil = until }, cancellationToken);
    }

    public async Task ReportAsync(string source, IngestionProgress progress, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var until = now + SourceRunLease.Duration;
        var errors = Json(progress.Errors);
        var last = progress.Errors.Count > 0 ? progress.Errors[^1] : null;
        await using var context = store.CreateContext();
        await context.SourceRuns.Where(r => r.Source == source && r.Status == SourceRunState.Running).ExecuteUpdateAsync(s =>
        {
            s.SetProperty(r => r.Done, progress.Done).SetProperty(r => r.Total, progress.Total)
                .SetProperty(r => r.ErrorsJson, errors).SetProperty(r => r.LeaseUntil, until);
            if (last is not null)
            {
                SetLastError(s, new SourceError(now, last.Document, last.Error));
            }
        }, cancellationToken);
    }

    public async Task<FailureStreak> FinishAsync(string source, IngestionResult result, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var context = store.CreateContext();
        var row = await context.SourceRuns.FirstOrDefaultAsync(r => r.Source == source, cancellationToken);
        if (row is null)
        {
            row = new SourceRunEntity { Source = source };
            context.SourceRuns.Add(row);
        }

        var before = new FailureStreak(row.FailedInARow, row.FailureAlerted);
        (row.FinishedAt, row.LeaseUntil, row.LastRunJson) = (now, now, JsonSerializer.Serialize(result.Counts, StoredJson.Options));
        if (result.Failure is { } failure)
        {
            (row.Status, row.FailedInARow) = (SourceRunState.Failed, row.FailedInARow + 1);
            row.ErrorsJson = Json([new DocumentError(DocumentError.WholeSource, failure), .. result.Errors]);
            (row.LastError, row.LastErrorDocument, row.LastErrorAt) = (failure, null, now);
        }
        else
        {
            (row.Status, row.FailedInARow, row.FailureAlerted, row.LastSucceededAt) = (SourceRunState.Idle, 0, false, now);
            // Progress is written at most once a second, so the last report may predate the last documents.
            var counts = result.Counts;
            row.Done = row.Total = counts.Added + counts.Updated + counts.Unchanged + counts.Failed;
            row.ErrorsJson = Json(result.Errors);
            if (result.Errors.Count > 0)
            {
                (row.LastError, row.LastErrorDocument, row.LastErrorAt) = (result.Errors[^1].Error, result.Errors[^1].Document, now);
            }
        }

        await context.SaveChangesAsync(cancellationToken);
        return before;
    }

    public async Task MarkStreakAlertedAsync(string source, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        await context.SourceRuns.Where(r => r.Source == source).ExecuteUpdateAsync(s => s.SetProperty(r => r.FailureAlerted, true), cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, SourceRun>> GetAllAsync(CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        var rows = await context.SourceRuns.AsNoTracking().ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Source, ToModel, StringComparer.OrdinalIgnoreCase);
    }

    private static SourceRun ToModel(SourceRunEntity r) => new(
        r.Source, r.Status, r.StartedAt, r.FinishedAt, r.Done, r.Total,
        r.LastRunJson is null ? null : JsonSerializer.Deserialize<IngestionCounts>(r.LastRunJson, StoredJson.Options),
        r.ErrorsJson is null ? [] : JsonSerializer.Deserialize<List<DocumentError>>(r.ErrorsJson, StoredJson.Options) ?? [],
        r.LastSucceededAt,
        r.LastError is null ? null : new SourceError(r.LastErrorAt ?? r.FinishedAt ?? DateTimeOffset.UnixEpoch, r.LastErrorDocument, r.LastError));

    private static void SetLastError(UpdateSettersBuilder<SourceRunEntity> setters, SourceError error) => setters
        .SetProperty(r => r.LastError, error.Error).SetProperty(r => r.LastErrorDocument, error.Document).SetProperty(r => r.LastErrorAt, error.At);

    private static string? Json(IReadOnlyList<DocumentError> errors) => errors.Count == 0 ? null : JsonSerializer.Serialize(errors, StoredJson.Options);

    /// <returns>False when the row exists (another reservation or run holds it) or another host inserted it first.</returns>
    private static async Task<bool> TryInsertAsync(AppDbContext context, SourceRunEntity row, CancellationToken cancellationToken)
    {
        if (await context.SourceRuns.AnyAsync(r => r.Source == row.Source, cancellationToken))
        {
            return false;
        }

        context.SourceRuns.Add(row);
        try
        {
            await context.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }
}
