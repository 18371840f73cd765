using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using StudyBot.Tests;

namespace StudyBot.Host.Tests.Readme;

/// <summary>The README's first command, <c>dotnet run --project src/StudyBot.Host</c>, as a process on the sample knowledge base.</summary>
public sealed class ServerStartTests : IDisposable
{
    private readonly TempFolder _data = new();
    private readonly TempFolder _notes = new();

    [Fact]
    public async Task Serve_DefaultStart_AnswersWithOpeningCitationsAndLogsNoWarnings()
    {
        var (server, baseUrl) = await StudyBotProcess.StartServerAsync(_data.Path);
        await using var _ = server;
        using var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
        await StudyBotHost.WaitForIngestionAsync(client, vectors: false);

        var playground = await client.GetStringAsync("/");
        var answer = await AskAsync(client, "What is QLoRA?");
        var citation = answer.GetProperty("citations")[0];
        var file = await client.GetAsync(citation.GetProperty("url").GetString());
        var exitCode = await server.StopAsync();

        Assert.Contains("<title>StudyBot playground</title>", playground, StringComparison.Ordinal);
        Assert.True(answer.GetProperty("found").GetBoolean());
        Assert.Equal("knowledge", citation.GetProperty("source").GetString());
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(0, exitCode);
        var output = server.Stdout + server.Stderr;
        Assert.DoesNotMatch(@"(?m)^(warn|fail|crit):", output);
        Assert.DoesNotContain("Request starting", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_WithRequestLogsOn_WritesOneLinePerRequest()
    {
        var (server, baseUrl) = await StudyBotProcess.StartServerAsync(_data.Path, new Dictionary<string, string> { ["StudyBot__Telemetry__RequestLogs"] = "true" });
        await using var _ = server;
        using var client = new HttpClient { BaseAddress = new Uri(baseUrl) };

        await client.GetAsync("/api/status?secret=not-logged");
        await server.StopAsync();

        Assert.Matches(@"GET /api/status 200 in \d+\.\d ms", server.Stdout);
        Assert.DoesNotContain("not-logged", server.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_WithSlackConfigured_LogsNoLinesForEachSlackApiCall()
    {
        var called = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var slack = await LoopbackServer.StartAsync(async context =>
        {
            called.TrySetResult();
            await context.Response.WriteAsJsonAsync(new { ok = true, url = "https://walk.slack.com/", team = "Walk", user = "studybot", team_id = "T1", user_id = "U1", bot_id = "B1" });
        });
        var (server, _) = await StudyBotProcess.StartServerAsync(_data.Path, new Dictionary<string, string>
        {
            ["StudyBot__Slack__BotToken"] = "xoxb-walk",
            ["StudyBot__Slack__SigningSecret"] = "walk-secret",
            ["StudyBot__Slack__ApiBaseUrl"] = slack.BaseUrl + "/",
        });
        await using var _ = server;

        await called.Task.WaitAsync(TimeSpan.FromSeconds(30));
        for (var i = 0; i < 100 && !server.Stdout.Contains("Slack: signed in as @studybot", StringComparison.Ordinal); i++)
        {
            await Task.Delay(100);
        }

        await server.StopAsync();
        Assert.Contains("Slack: signed in as @studybot", server.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("HTTP request POST", server.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_AfterIngestFolder_ServesTheFolderAsASourceWithOpeningCitations()
    {
        _notes.Write("team-notes/deploy.md", "# Deploys\n\nWe deploy on Tuesdays with the blue-green runbook.\n");
        var ingest = await StudyBotProcess.RunAsync(_data.Path, ["ingest", _notes.Combine("team-notes")]);
        Assert.True(ingest.ExitCode == 0, ingest.ToString());

        var (server, baseUrl) = await StudyBotProcess.StartServerAsync(_data.Path);
        await using var _ = server;
        using var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var status = await StudyBotHost.WaitForIngestionAsync(client, vectors: false);
        var answer = await AskAsync(client, "When do we deploy?", "team-notes");
        var file = await client.GetStringAsync(answer.GetProperty("citations")[0].GetProperty("url").GetString());

        var notes = StudyBotHost.Source(status, "team-notes");
        Assert.True(notes.GetProperty("configured").GetBoolean());
        Assert.Equal("idle", notes.GetProperty("state").GetString());
        Assert.Equal(1, notes.GetProperty("lastRun").GetProperty("unchanged").GetInt32());
        Assert.Contains("blue-green runbook", file, StringComparison.Ordinal);
    }

    /// <summary>The two commands of "Use your own documents": the default source pointed elsewhere, and a source of one's own.</summary>
    [Theory]
    [InlineData("knowledge", "StudyBot__Sources__knowledge__Path")]
    [InlineData("handbook", "StudyBot__Sources__handbook__Type=Files", "StudyBot__Sources__handbook__Path")]
    public async Task Serve_OwnFolderInTheEnvironment_IsTheOnlySourceAndAnswers(string source, params string[] settings)
    {
        _notes.Write("handbook/deploy.md", "# Deploys\n\nWe deploy on Tuesdays with the blue-green runbook.\n");
        var environment = settings.Select(s => s.Split('=')).ToDictionary(s => s[0], s => s.Length > 1 ? s[1] : _notes.Combine("handbook"));
        var (server, baseUrl) = await StudyBotProcess.StartServerAsync(_data.Path, environment);
        await using var _ = server;
        using var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var status = await StudyBotHost.WaitForIngestionAsync(client);
        var answer = await AskAsync(client, "When do we deploy?");

        var only = Assert.Single(status.GetProperty("index").GetProperty("sources").EnumerateArray());
        Assert.Equal(source, only.GetProperty("name").GetString());
        Assert.Equal(1, only.GetProperty("documents").GetInt32());
        Assert.Equal(source, answer.GetProperty("citations")[0].GetProperty("source").GetString());
        Assert.StartsWith("We deploy on Tuesdays", answer.GetProperty("answer").GetString(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> AskAsync(HttpClient client, string question, params string[] sources)
    {
        var response = await client.PostAsJsonAsync("/api/ask", new { question, sources });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public void Dispose()
    {
        _data.Dispose();
        _notes.Dispose();
    }
}
