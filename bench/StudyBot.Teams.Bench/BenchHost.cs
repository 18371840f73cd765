using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Host;
using StudyBot.Teams.Tests.Infrastructure;
using StudyBot.Tests;

namespace StudyBot.Teams.Bench;

/// <summary>StudyBot composed exactly as Program.cs does (AddStudyBotHost, MapStudyBot), on Kestrel at 127.0.0.1.</summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TempFolder _data;
    private readonly TempFolder _corpus;

    private BenchHost(WebApplication app, TempFolder data, TempFolder corpus, string baseUrl)
    {
        _app = app;
        _data = data;
        _corpus = corpus;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public static async Task<BenchHost> StartAsync(OpenIdAuthority authority, FakeConnector connector)
    {
        var data = new TempFolder();
        var corpus = new TempFolder();
        File.Copy(Path.Combine(TestPaths.Knowledge, "fine-tuning-lora-qlora-peft.md"), corpus.Combine("fine-tuning.md"));
        File.Copy(Path.Combine(TestPaths.Knowledge, "vector-stores.md"), corpus.Combine("vector-stores.md"));

        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["StudyBot:DataDirectory"] = data.Path,
            ["StudyBot:Sources:knowledge:Type"] = "Files",
            ["StudyBot:Sources:knowledge:Path"] = corpus.Path,
            ["StudyBot:Teams:AppId"] = TeamsActivities.BotAppId,
            ["StudyBot:Teams:AppPassword"] = FakeConnector.ClientSecret,
            ["StudyBot:Teams:OpenIdMetadataUrl"] = authority.MetadataUrl,
            ["StudyBot:Teams:TokenEndpoint"] = connector.TokenEndpoint,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddStudyBotHost();
        var app = builder.Build();
        app.MapStudyBot();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new BenchHost(app, data, corpus, address.TrimEnd('/'));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _data.Dispose();
        _corpus.Dispose();
    }
}
