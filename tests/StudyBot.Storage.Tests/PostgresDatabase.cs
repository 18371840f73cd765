using Npgsql;
using StudyBot.Tests;

namespace StudyBot.Tests;

/// <summary>A fresh database on the test PostgreSQL server, dropped when disposed.</summary>
internal sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly string _name;

    private PostgresDatabase(string name, string connectionString)
    {
        _name = name;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<PostgresDatabase> CreateAsync()
    {
        var name = "studybot_test_" + Guid.NewGuid().ToString("N");
        await ExecuteOnServerAsync($"CREATE DATABASE {name}");
        return new PostgresDatabase(name, await TestPostgres.DatabaseConnectionStringAsync(name));
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
    }

    private static async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(await TestPostgres.DatabaseConnectionStringAsync("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
