using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace StudyBot.Storage;

/// <summary>Creates a context for the configured provider; each unit of work uses its own.</summary>
public sealed class AppStore(IServiceProvider services, IOptions<StorageOptions> options)
{
    public bool IsPostgres => options.Value.Provider == "Postgres";

    public AppDbContext CreateContext() => IsPostgres
        ? services.GetRequiredService<IDbContextFactory<PostgresAppDbContext>>().CreateDbContext()
        : services.GetRequiredService<IDbContextFactory<SqliteAppDbContext>>().CreateDbContext();
}
