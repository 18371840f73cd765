using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace StudyBot.Storage.Sqlite;

/// <summary>Lets `dotnet ef migrations add --project src/StudyBot.Storage.Sqlite` build the context without starting the host.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=design.db", o => o.MigrationsAssembly(StorageMigrations.Sqlite)).Options);
}
