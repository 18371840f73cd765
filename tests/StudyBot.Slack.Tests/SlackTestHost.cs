using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using StudyBot.Slack.Authentication;
using StudyBot.Slack.Tests.Fakes;
using StudyBot.Tests;

namespace StudyBot.Slack.Tests;

/// <summary>
/// The real StudyBot host on a two-note corpus, its Slack adapter pointed at a <see cref="FakeSlackApi"/>,
/// configured through the documented StudyBot:* keys. HTTP mode by default; Socket Mode with an app token.
/// </summary>
internal sealed class SlackTestHost(FakeSlackApi slack, string dataDirectory, string corpus, IReadOnlyDictionary<string, string?> settings)
    : WebApplicationFactory<Program>
{
    public const string BotToken = "xoxb-0000-test-bot-token";
    public const string AppToken = "xapp-1-test-app-token";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("StudyBot:DataDirectory", dataDirectory);
        builder.UseSetting("StudyBot:Sources:knowledge:Type", "Files");
        builder.UseSetting("StudyBot:Sources:knowledge:Path", Path.Combine(corpus, "knowledge"));
        builder.UseSetting("StudyBot:Sources:vectors:Type", "Files");
        builder.UseSetting("StudyBot:Sources:vectors:Path", Path.Combine(corpus, "vectors"));
        builder.UseSetting("StudyBot:Slack:BotToken", BotToken);
        builder.UseSetting("StudyBot:Slack:ApiBaseUrl", slack.ApiBaseUrl.ToString());
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>POSTs a body to a Slack endpoint as Slack would: signed, with the given content type.</summary>
    public Task<HttpResponseMessage> PostSignedAsync(string path, string body, string contentType, string secret = SlackFixtures.SigningSecret, int? retryNum = null) =>
        PostSignedAsync(path, Encoding.UTF8.GetBytes(body), contentType, secret, retryNum);

    /// <summary>The same for exact bytes (a recorded body with its byte order mark).</summary>
    public async Task<HttpResponseMessage> PostSignedAsync(string path, byte[] body, string contentType, string secret = SlackFixtures.SigningSecret, int? retryNum = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType) { CharSet = "utf-8" };
        var (timestamp, signature) = SlackFixtures.Sign(body, secret);
        request.Headers.Add(SlackSignatureVerifier.TimestampHeader, timestamp);
        request.Headers.Add(SlackSignatureVerifier.SignatureHeader, signature);
        if (retryNum is { } retry)
        {
            request.Headers.Add("X-Slack-Retry-Num", retry.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }

        return await CreateClient().SendAsync(request);
    }

    /// <summary>A person posts the event's message: Slack stores it (for conversations.replies) and delivers the event.</summary>
    public Task<HttpResponseMessage> DeliverAsync(JsonObject callback, int? retryNum = null)
    {
        var e = callback["event"]!;
        slack.AddUserMessage((string)e["channel"]!, (string)e["ts"]!, (string?)e["thread_ts"], (string)e["user"]!, (string)e["text"]!);
        return PostSignedAsync("/slack/events", callback.ToJsonString(), "application/json", retryNum: retryNum);
    }
}

/// <summary>
/// A fake Slack, two sources of one sample note each (knowledge: fine-tuning, vectors: vector stores)
/// and a data folder; builds hosts on them (several, for restarts).
/// </summary>
internal sealed class SlackTestBed : IAsyncDisposable
{
    private readonly TempFolder _corpus = new();
    private readonly TempFolder _data = new();
    private readonly List<SlackTestHost> _hosts = [];

    private SlackTestBed(FakeSlackApi slack)
    {
        Slack = slack;
        Directory.CreateDirectory(_corpus.Combine("knowledge"));
        Directory.CreateDirectory(_corpus.Combine("vectors"));
        File.Copy(Path.Combine(TestPaths.Knowledge, "fine-tuning-lora-qlora-peft.md"), _corpus.Combine("knowledge", "fine-tuning.md"));
        File.Copy(Path.Combine(TestPaths.Knowledge, "vector-stores.md"), _corpus.Combine("vectors", "vector-stores.md"));
    }

    public FakeSlackApi Slack { get; }

    public static async Task<SlackTestBed> StartAsync() => new(await FakeSlackApi.StartAsync());

    /// <summary>A host in HTTP mode (signing secret of Slack's test vector), plus any extra StudyBot:* settings.</summary>
    public Task<SlackTestHost> StartHostAsync(params (string Key, string? Value)[] settings) =>
        StartAsync(settings.Append(("StudyBot:Slack:SigningSecret", SlackFixtures.SigningSecret)));

    public Task<SlackTestHost> StartSocketModeHostAsync(params (string Key, string? Value)[] settings) =>
        StartAsync(settings.Append(("StudyBot:Slack:AppToken", SlackTestHost.AppToken)));

    public async Task StopHostAsync(SlackTestHost host)
    {
        _hosts.Remove(host);
        await host.DisposeAsync();
        await DataFolderLock.WaitUntilReleasedAsync(_data.Path);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        await Slack.DisposeAsync();
        _corpus.Dispose();
        _data.Dispose();
    }

    private async Task<SlackTestHost> StartAsync(IEnumerable<(string Key, string? Value)> settings)
    {
        var host = new SlackTestHost(Slack, _data.Path, _corpus.Path, settings.ToDictionary(s => s.Key, s => s.Value));
        _hosts.Add(host);
        using var client = host.CreateClient();
        await WaitForIngestionAsync(client);
        return host;
    }

    private static async Task WaitForIngestionAsync(HttpClient client)
    {
        for (var attempt = 0; attempt < 900; attempt++)
        {
            var status = JsonNode.Parse(await client.GetStringAsync("/api/status"))!;
            var sources = status["index"]!["sources"]!.AsArray();
            // Answers by meaning need the background vectors too.
            var embedded = status["index"]!["embeddings"] is not JsonObject vectors || (int)vectors["embedded"]! >= (int)vectors["chunks"]!;
            if ((bool)status["ready"]! && sources.All(s => (string?)s!["state"] is "idle" or "failed") && embedded)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("ingestion did not finish");
    }
}
