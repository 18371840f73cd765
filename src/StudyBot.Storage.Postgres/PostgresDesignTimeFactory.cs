using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace StudyBot.Storage.Postgres;

/// <summary>Lets `dotnet ef migrations add --project src/StudyBot.Storage.Postgres` build the context without starting the host.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=localhost;Database=studybot_design", o => o.MigrationsAssembly(StorageMigrations.Postgres)).Options);
}
