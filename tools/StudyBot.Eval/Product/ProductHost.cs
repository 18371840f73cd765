using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StudyBot.Host;

namespace StudyBot.Eval.Product;

/// <summary>
/// The real StudyBot host — the same composition as <c>dotnet run --project src/StudyBot.Host</c> —
/// listening on a free loopback port, with a temporary data folder and one Files source.
/// </summary>
internal sealed class ProductHost : IAsyncDisposable
{
    public const string SourceName = "eval";

    private readonly WebApplication _app;
    private readonly string? _data;

    /// <param name="data">The temporary data folder to delete afterwards; null when the caller chose the folder.</param>
    private ProductHost(WebApplication app, string? data, Uri address)
    {
        _app = app;
        _data = data;
        Address = address;
    }

    public Uri Address { get; }

    /// <param name="settings">
    /// StudyBot settings of the run (only built-in defaults unless the caller adds some). A
    /// StudyBot:DataDirectory among them is kept, so a second run reuses its index and vectors.
    /// </param>
    public static async Task<ProductHost> StartAsync(string corpus, IConfiguration settings, CancellationToken cancellationToken)
    {
        var chosen = settings["StudyBot:DataDirectory"];
        var data = chosen ?? Path.Combine(Path.GetTempPath(), "studybot-eval", Guid.NewGuid().ToString("N"));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddConfiguration(settings);
        builder.Configuration.AddInMemoryCollection([
            new("StudyBot:DataDirectory", data),
            new($"StudyBot:Sources:{SourceName}:Type", "Files"),
            new($"StudyBot:Sources:{SourceName}:Path", corpus),
            // Every question comes from one caller in a burst; the per-caller and per-address limits of /api/ask
            // (and the chat platforms' per-user and per-channel ones) would turn most away.
            new("StudyBot:Safety:WebCallerMessagesPerMinute", "0"),
            new("StudyBot:Safety:WebAddressMessagesPerMinute", "0"),
            new("StudyBot:Safety:UserMessagesPerMinute", "0"),
            new("StudyBot:Safety:ChannelMessagesPerMinute", "0"),
        ]);
        builder.Logging.ClearProviders().AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddStudyBotHost();
        var app = builder.Build();
        app.MapStudyBot();
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ProductHost(app, chosen is null ? data : null, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_data is null)
        {
            return;
        }

        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
    }
}
