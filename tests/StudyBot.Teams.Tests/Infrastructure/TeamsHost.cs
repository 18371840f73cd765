using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using StudyBot.Tests;

namespace StudyBot.Teams.Tests.Infrastructure;

/// <summary>
/// The real StudyBot host (WebApplicationFactory&lt;Program&gt;) on a temp data folder and a two-note corpus,
/// configured through the documented StudyBot:Teams:* keys to trust the local OpenID authority and to get
/// its outbound token from the fake Connector's token endpoint.
/// </summary>
internal sealed class TeamsHost : WebApplicationFactory<Program>
{
    private readonly TempFolder? _data;
    private readonly TempFolder _corpus = new();
    private readonly Dictionary<string, string?> _settings;

    /// <param name="dataDirectory">A data folder that outlives this host (a restart); null = a fresh one of its own.</param>
    public TeamsHost(OpenIdAuthority? authority, FakeConnector connector, IDictionary<string, string?>? settings = null, string? dataDirectory = null)
    {
        _data = dataDirectory is null ? new TempFolder() : null;
        File.Copy(Path.Combine(TestPaths.Knowledge, "fine-tuning-lora-qlora-peft.md"), _corpus.Combine("fine-tuning.md"));
        File.Copy(Path.Combine(TestPaths.Knowledge, "vector-stores.md"), _corpus.Combine("vector-stores.md"));
        _settings = new Dictionary<string, string?>
        {
            ["StudyBot:DataDirectory"] = dataDirectory ?? _data!.Path,
            ["StudyBot:Sources:knowledge:Type"] = "Files",
            ["StudyBot:Sources:knowledge:Path"] = _corpus.Path,
            ["StudyBot:Teams:AppId"] = authority is null ? "" : TeamsActivities.BotAppId,
            ["StudyBot:Teams:AppPassword"] = authority is null ? "" : FakeConnector.ClientSecret,
            ["StudyBot:Teams:TokenEndpoint"] = connector.TokenEndpoint,
            ["StudyBot:Teams:PublicBaseUrl"] = "https://studybot.example.com",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        if (authority is not null)
        {
            _settings["StudyBot:Teams:OpenIdMetadataUrl"] = authority.MetadataUrl;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public static string Json(JsonNode activity) => activity.ToJsonString();

    /// <summary>POSTs an activity to /api/messages with the given bearer token (none when null).</summary>
    public async Task<HttpResponseMessage> PostActivityAsync(JsonNode activity, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(Json(activity), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await CreateClient().SendAsync(request);
    }

    /// <summary>POSTs an invoke and returns its response body, which must come with a 200.</summary>
    public async Task<JsonNode> InvokeAsync(JsonNode invoke, string token)
    {
        var response = await PostActivityAsync(invoke, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!;
    }

    /// <summary>Polls /api/status until the corpus is indexed, so questions find their answers.</summary>
    public async Task WaitForIngestionAsync()
    {
        var client = CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            using var status = JsonDocument.Parse(await client.GetStringAsync("/api/status"));
            var sources = status.RootElement.GetProperty("index").GetProperty("sources").EnumerateArray();
            // Answers by meaning need the background vectors too.
            var embedded = !status.RootElement.GetProperty("index").TryGetProperty("embeddings", out var vectors) || vectors.ValueKind != JsonValueKind.Object
                || vectors.GetProperty("embedded").GetInt32() >= vectors.GetProperty("chunks").GetInt32();
            if (status.RootElement.GetProperty("ready").GetBoolean() && sources.All(s => s.GetProperty("state").GetString() is "idle" or "failed") && embedded)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("ingestion did not finish");
            }

            await Task.Delay(100);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _data?.Dispose();
            _corpus.Dispose();
        }
    }
}
