using Npgsql;
using StudyBot.Tests;

namespace StudyBot.Host.Tests;

/// <summary>A fresh database on the test PostgreSQL server, dropped when disposed.</summary>
internal sealed class PostgresDatabase : IAsyncDisposable
{
    private PostgresDatabase(string name) => Name = name;

    public string Name { get; }

    public string ConnectionString => TestPostgres.DatabaseConnectionString(Name);

    public static async Task<PostgresDatabase> CreateAsync()
    {
        var database = new PostgresDatabase("studybot_test_" + Guid.NewGuid().ToString("N"));
        await ExecuteOnServerAsync($"CREATE DATABASE {database.Name}");
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }

    private static async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(TestPostgres.DatabaseConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
