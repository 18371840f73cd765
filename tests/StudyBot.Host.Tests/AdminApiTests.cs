using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Core.Ingestion;
using StudyBot.Tests;

namespace StudyBot.Host.Tests;

public sealed class AdminApiTests : RunningHostTests
{
    protected override Dictionary<string, string?> Settings() => new()
    {
        ["StudyBot:Sources:broken:Type"] = "Files",
        ["StudyBot:Sources:broken:Path"] = Corpus.Combine("missing-folder"),
    };

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    [InlineData("test-admin-key ")]
    public async Task AdminApi_WithoutTheRightKey_Returns401(string? key)
    {
        using var client = Host.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Admin-Key", key);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/admin/sources")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/api/admin/reindex", null)).StatusCode);
    }

    [Fact]
    public async Task Sources_ListsStateScheduleCountsAndTheLastError()
    {
        var sources = await Admin.GetFromJsonAsync<JsonElement>("/api/admin/sources");

        var knowledge = sources.EnumerateArray().Single(s => s.GetProperty("name").GetString() == "knowledge");
        Assert.Equal("idle", knowledge.GetProperty("state").GetString());
        Assert.Equal(3, knowledge.GetProperty("documents").GetInt32());
        Assert.True(knowledge.GetProperty("chunks").GetInt32() > 3);
        Assert.True(knowledge.GetProperty("durationSeconds").GetDouble() > 0);
        var broken = sources.EnumerateArray().Single(s => s.GetProperty("name").GetString() == "broken");
        Assert.Equal("failed", broken.GetProperty("state").GetString());
        Assert.Contains("does not exist", broken.GetProperty("lastError").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailingJob_IsScheduledForRetryByHangfire()
    {
        var monitoring = Host.Services.GetRequiredService<JobStorage>().GetMonitoringApi();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (monitoring.ScheduledCount() == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var retry = Assert.Single(monitoring.ScheduledJobs(0, 10));
        Assert.Equal("RunAsync", retry.Value.Job.Method.Name);
        Assert.Equal("broken", retry.Value.Job.Args[0]);
    }

    [Fact]
    public async Task Reindex_UnknownSource_Returns404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.PostAsync("/api/admin/sources/nowhere/reindex", null)).StatusCode);
    }

    [Fact]
    public async Task Reindex_WhileAnotherHostRunsTheSource_IsNotQueuedTwice()
    {
        var runs = Host.Services.GetRequiredService<ISourceRunStore>();
        Assert.True(await runs.TryReserveAsync("knowledge", CancellationToken.None));
        Assert.True(await runs.TryStartAsync("knowledge", CancellationToken.None));

        var busy = await ReindexAsync();
        await runs.FinishAsync("knowledge", new IngestionResult(new IngestionCounts(0, 0, 3, 0, 0, 0.1), null, []), CancellationToken.None);
        var free = await ReindexAsync();

        Assert.Equal("already-running", busy);
        Assert.Equal("queued", free);
        // The queued run happens: the second run finds all three documents unchanged.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var unchanged = 0;
        while (unchanged != 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            var status = await Admin.GetFromJsonAsync<JsonElement>("/api/status");
            unchanged = StudyBotHost.Source(status, "knowledge").GetProperty("lastRun").GetProperty("unchanged").GetInt32();
        }

        Assert.Equal(3, unchanged);
    }

    private async Task<string> ReindexAsync()
    {
        var response = await Admin.PostAsync("/api/admin/sources/knowledge/reindex", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("sources")[0].GetProperty("status").GetString()!;
    }

    [Fact]
    public async Task Dashboard_RefusesAnonymousAndOpensForAdmins()
    {
        using var anonymous = Host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/hangfire")).StatusCode);
        var home = await Admin.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("knowledge idle", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var login = await anonymous.PostAsync("/admin/login", new FormUrlEncodedContent([new("key", StudyBotHost.AdminKey)]));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var cookie = login.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        using var request = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
        request.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.SendAsync(request)).StatusCode);
        var wrong = await anonymous.PostAsync("/admin/login", new FormUrlEncodedContent([new("key", "guess")]));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    [Fact]
    public async Task ChatReindex_OnlyForAdmins()
    {
        using var anonymous = Host.CreateClient();

        var refused = await (await anonymous.PostAsJsonAsync("/api/chat", new { text = "reindex knowledge" })).Content.ReadFromJsonAsync<JsonElement>();
        var accepted = await (await Admin.PostAsJsonAsync("/api/chat", new { text = "reindex knowledge" })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Contains("only StudyBot admins", refused.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("knowledge: re-index queued", accepted.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_DescribesTheAdminApi()
    {
        var document = await Admin.GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/admin/sources/{name}/reindex", document, StringComparison.Ordinal);
        Assert.Contains("/api/admin/keys", document, StringComparison.Ordinal);
    }
}
