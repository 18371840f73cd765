using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StudyBot.Storage;
using StudyBot.Knowledge.Storage;
using StudyBot.Tests;

namespace StudyBot.Storage.Tests;

/// <summary>The app store as production registers it, on a SQLite file or a fresh PostgreSQL database.</summary>
internal sealed class StoreTestBed : IAsyncDisposable
{
    private readonly TempFolder _data = new();
    private readonly PostgresDatabase? _database;
    private readonly IHost _host;

    private StoreTestBed(string provider, PostgresDatabase? database, TimeProvider time)
    {
        _database = database;
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration["StudyBot:Storage:Provider"] = provider;
        if (database is not null)
        {
            builder.Configuration["StudyBot:Storage:ConnectionString"] = database.ConnectionString;
        }

        builder.Services.AddSingleton(time);
        builder.Services.AddSingleton(new DataFolder(_data.Path));
        builder.AddStudyBotPersistence();
        _host = builder.Build();
    }

    public IServiceProvider Services => _host.Services;

    /// <param name="migrate">False leaves the database empty, for tests that apply migrations themselves.</param>
    /// <param name="time">The stores' clock; the system clock unless a test steps its own.</param>
    public static async Task<StoreTestBed> StartAsync(string provider, bool migrate = true, TimeProvider? time = null)
    {
        var bed = new StoreTestBed(provider, provider == "Postgres" ? await PostgresDatabase.CreateAsync() : null, time ?? TimeProvider.System);
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
