using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Tests;

namespace StudyBot.Slack.Bench;

/// <summary>The real StudyBot host on Kestrel (loopback, a free port) with its Slack adapter pointed at the fake Slack.</summary>
internal sealed class BenchHost(Uri slackApi, string data, string corpus, string signingSecret) : WebApplicationFactory<Program>
{
    public Uri Address { get; private set; } = null!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("StudyBot:DataDirectory", data);
        builder.UseSetting("StudyBot:Sources:knowledge:Type", "Files");
        builder.UseSetting("StudyBot:Sources:knowledge:Path", corpus);
        builder.UseSetting("StudyBot:Slack:BotToken", "xoxb-bench");
        builder.UseSetting("StudyBot:Slack:SigningSecret", signingSecret);
        builder.UseSetting("StudyBot:Slack:ApiBaseUrl", slackApi.ToString());
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    public async Task StartAsync()
    {
        // Outside a test project WebApplicationFactory needs to be told where the host's content root is.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_STUDYBOT_HOST", Path.Combine(TestPaths.RepositoryRoot, "src", "StudyBot.Host"));
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Address = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        using var http = new HttpClient { BaseAddress = Address };
        for (var i = 0; i < 1200; i++)
        {
            var status = JsonNode.Parse(await http.GetStringAsync("/api/status"))!;
            if ((bool)status["ready"]! && status["index"]!["sources"]!.AsArray().All(s => (string?)s!["state"] is "idle" or "failed"))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("ingestion did not finish");
    }

    /// <summary>A data folder and a copy of three sample notes.</summary>
    public static (TempFolder Data, TempFolder Corpus) Folders()
    {
        var corpus = new TempFolder();
        foreach (var note in new[] { "fine-tuning-lora-qlora-peft.md", "vector-stores.md", "retrieval-augmented-generation.md" })
        {
            var source = Path.Combine(TestPaths.Knowledge, note);
            if (File.Exists(source))
            {
                File.Copy(source, corpus.Combine(note));
            }
        }

        return (new TempFolder(), corpus);
    }
}
