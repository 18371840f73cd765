using Microsoft.EntityFrameworkCore;

namespace StudyBot.Storage;

/// <summary>Applies the provider's migrations as the host starts, before anything reads or writes app state.</summary>
public sealed class AppStoreInitializer(AppStore store) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        await context.Database.MigrateAsync(cancellationToken);
        if (!store.IsPostgres)
        {
            // Readers (status pages) never wait for the single writer.
            await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
