using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StudyBot.Host.Persistence;
using StudyBot.Knowledge.Storage;
using StudyBot.Tests;

namespace StudyBot.Host.Tests;

/// <summary>The app store as production registers it, on a SQLite file or a fresh PostgreSQL database.</summary>
internal sealed class StoreTestBed : IAsyncDisposable
{
    private readonly TempFolder _data = new();
    private readonly PostgresDatabase? _database;
    private readonly IHost _host;

    private StoreTestBed(string provider, PostgresDatabase? database)
    {
        _database = database;
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration["StudyBot:Storage:Provider"] = provider;
        if (database is not null)
        {
            builder.Configuration["StudyBot:Storage:ConnectionString"] = database.ConnectionString;
        }

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new DataFolder(_data.Path));
        builder.AddStudyBotPersistence();
        _host = builder.Build();
    }

    public IServiceProvider Services => _host.Services;

    /// <param name="migrate">False leaves the database empty, for tests that apply migrations themselves.</param>
    public static async Task<StoreTestBed> StartAsync(string provider, bool migrate = true)
    {
        var bed = new StoreTestBed(provider, provider == "Postgres" ? await PostgresDatabase.CreateAsync() : null);
        if (migrate)
        {
            await bed.Services.GetRequiredService<AppStoreInitializer>().StartAsync(CancellationToken.None);
        }

        return bed;
    }

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        _data.Dispose();
    }
}
