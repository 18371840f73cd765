using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StudyBot.Assistant.Answering;
using StudyBot.Tests;

namespace StudyBot.Host.Tests;

/// <summary>The host on Qdrant when Qdrant is not what it should be: down, failing, or made for other vectors.</summary>
public sealed class QdrantHostTests(FakeQdrantFixture qdrant) : IClassFixture<FakeQdrantFixture>, IDisposable
{
    private readonly TestCorpus _corpus = new();
    private readonly TempFolder _data = new();

    [Fact]
    public async Task QdrantDown_ReadyzSaysSoAnswersDegradeAndTheRunFailsUntilItIsBack()
    {
        await using var host = new StudyBotHost(_data.Path, _corpus.Path, qdrant.NewCollectionSettings());
        using var admin = host.CreateAdminClient();
        await StudyBotHost.WaitForIngestionAsync(admin);
        qdrant.Qdrant.FailWith = 503;
        try
        {
            var readyz = await admin.GetAsync("/readyz");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, readyz.StatusCode);
            Assert.Contains("Qdrant", await readyz.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            var answer = await (await admin.PostAsJsonAsync("/api/ask", new { question = "What is QLoRA?" })).Content.ReadFromJsonAsync<JsonElement>();
            Assert.False(answer.GetProperty("found").GetBoolean());
            Assert.Equal(ExtractiveAnswerer.UnavailableText, answer.GetProperty("answer").GetString());

            var status = await admin.GetAsync("/api/status");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status.StatusCode);
            Assert.Contains("Qdrant", await status.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            File.AppendAllText(_corpus.Combine("vector-stores.md"), "\n\nThe zebra index stripes postings across shards.\n");
            var refused = qdrant.Qdrant.Calls.Count;
            Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync("/api/admin/sources/knowledge/reindex", null)).StatusCode);
            // The fixture allows one retry: the run fails once both attempts of its first read were refused.
            await WaitUntilAsync(() => qdrant.Qdrant.Calls.Skip(refused).Count(c => c.Path.EndsWith("/points/scroll", StringComparison.Ordinal)) >= 2);
        }
        finally
        {
            qdrant.Qdrant.FailWith = null;
        }

        var failed = await WaitForStateAsync(admin, "failed");
        Assert.Contains("503", failed.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal("ready", await admin.GetStringAsync("/readyz"));
        await admin.PostAsync("/api/admin/sources/knowledge/reindex", null);
        await WaitForStateAsync(admin, "idle");
        var found = await (await admin.PostAsJsonAsync("/api/ask", new { question = "What does the zebra index stripe?" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("zebra index", found.GetProperty("answer").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task QdrantDown_ReadinessAlertGivesTheReadyzReasonAfterTheGracePeriodThenTheRecovery()
    {
        await using var webhook = await FakeWebhook.StartAsync();
        var settings = qdrant.NewCollectionSettings();
        settings["StudyBot:Alerts:SlackWebhookUrl"] = webhook.Url;
        settings["StudyBot:Alerts:ReadinessGraceSeconds"] = "10";
        settings["StudyBot:Alerts:ReadinessCheckSeconds"] = "1";
        await using var host = new StudyBotHost(_data.Path, _corpus.Path, settings);
        using var admin = host.CreateAdminClient();
        await StudyBotHost.WaitForIngestionAsync(admin);
        string reason;
        string alert;
        qdrant.Qdrant.FailWith = 503;
        try
        {
            reason = await (await admin.GetAsync("/readyz")).Content.ReadAsStringAsync();
            alert = await PostedAsync(webhook, "StudyBot is not ready");
        }
        finally
        {
            qdrant.Qdrant.FailWith = null;
        }

        var recovered = await PostedAsync(webhook, "StudyBot is ready again");

        Assert.Contains("Qdrant", reason, StringComparison.Ordinal);
        Assert.Contains(reason, alert, StringComparison.Ordinal);
        Assert.Equal([alert, recovered], webhook.Posts.Select(p => p.GetProperty("text").GetString()));
    }

    /// <summary>The text of the first alert posted with this title (the host checks once a second).</summary>
    private static async Task<string> PostedAsync(FakeWebhook webhook, string title)
    {
        string? text = null;
        await WaitUntilAsync(() => (text = webhook.Posts.Select(p => p.GetProperty("text").GetString()).FirstOrDefault(t => t?.Contains(title, StringComparison.Ordinal) == true)) is not null);
        return text!;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the condition");
            await Task.Delay(50);
        }
    }

    /// <summary>Polls the admin API until the knowledge source's last run ended in <paramref name="state"/>.</summary>
    private static async Task<JsonElement> WaitForStateAsync(HttpClient admin, string state)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var sources = await admin.GetFromJsonAsync<JsonElement>("/api/admin/sources");
            var knowledge = sources.EnumerateArray().Single(s => s.GetProperty("name").GetString() == "knowledge");
            if (knowledge.GetProperty("state").GetString() == state)
            {
                return knowledge;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the knowledge source did not reach '{state}': {knowledge}");
            }

            await Task.Delay(100);
        }
    }

    public void Dispose()
    {
        _data.Dispose();
        _corpus.Dispose();
    }
}
