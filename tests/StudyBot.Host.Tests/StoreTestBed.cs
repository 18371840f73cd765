using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using StudyBot.Host.Persistence;
using StudyBot.Knowledge.Storage;
using StudyBot.Tests;

namespace StudyBot.Host.Tests;

/// <summary>The app store as production registers it, on a SQLite file or a fresh PostgreSQL database.</summary>
internal sealed class StoreTestBed : IAsyncDisposable
{
    private readonly TempFolder _data = new();
    private readonly string? _database;
    private readonly IHost _host;

    private StoreTestBed(string provider)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration["StudyBot:Storage:Provider"] = provider;
        if (provider == "Postgres")
        {
            _database = "studybot_test_" + Guid.NewGuid().ToString("N");
            builder.Configuration["StudyBot:Storage:ConnectionString"] = TestPostgres.DatabaseConnectionString(_database);
        }

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new DataFolder(_data.Path));
        builder.AddStudyBotPersistence();
        _host = builder.Build();
    }

    public IServiceProvider Services => _host.Services;

    public static async Task<StoreTestBed> StartAsync(string provider)
    {
        var bed = new StoreTestBed(provider);
        if (bed._database is not null)
        {
            await ExecuteOnServerAsync($"CREATE DATABASE {bed._database}");
        }

        await bed.Services.GetRequiredService<AppStoreInitializer>().StartAsync(CancellationToken.None);
        return bed;
    }

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        if (_database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
        }

        _data.Dispose();
    }

    private static async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(TestPostgres.DatabaseConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
