using System.Net.Http.Json;
using System.Text.Json;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Tests;

namespace StudyBot.Host.Tests;

/// <summary>Hangfire on a real PostgreSQL database: schedules follow configuration, and two hosts run each occurrence once.</summary>
public sealed class JobScheduleTests(FakeQdrantFixture qdrant) : IClassFixture<FakeQdrantFixture>, IAsyncLifetime
{
    private readonly TestCorpus _corpus = new();
    private readonly List<TempFolder> _folders = [];
    private PostgresDatabase _database = null!;

    public async Task InitializeAsync() => _database = await PostgresDatabase.CreateAsync();

    private StudyBotHost Start(Dictionary<string, string?> settings)
    {
        var data = new TempFolder();
        _folders.Add(data);
        settings["StudyBot:Storage:Provider"] = "Postgres";
        settings["StudyBot:Storage:ConnectionString"] = _database.ConnectionString;
        settings["StudyBot:Jobs:Storage"] = "Postgres";
        return new StudyBotHost(data.Path, _corpus.Path, settings);
    }

    private static Dictionary<string, RecurringJobDto> RecurringJobs(StudyBotHost host)
    {
        using var connection = host.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs().ToDictionary(j => j.Id);
    }

    [PostgresFact]
    public async Task Schedules_AreCreatedUpdatedAndRemovedWithConfiguration()
    {
        await using (var first = Start(new()
        {
            ["StudyBot:Sources:knowledge:Schedule"] = "0 3 * * *",
            ["StudyBot:Jobs:ReindexAllSchedule"] = "0 4 * * 0",
            ["StudyBot:Jobs:TimeZone"] = "Europe/Berlin",
        }))
        {
            first.CreateClient().Dispose();
            var jobs = RecurringJobs(first);
            Assert.Equal("0 3 * * *", jobs["ingest:knowledge"].Cron);
            Assert.Equal("Europe/Berlin", jobs["ingest:knowledge"].TimeZoneId);
            Assert.Equal("0 4 * * 0", jobs["ingest:*all"].Cron);
        }

        await using (var second = Start(new() { ["StudyBot:Sources:knowledge:Schedule"] = "30 2 * * *" }))
        {
            second.CreateClient().Dispose();
            var jobs = RecurringJobs(second);
            Assert.Equal("30 2 * * *", jobs["ingest:knowledge"].Cron);
            Assert.False(jobs.ContainsKey("ingest:*all"));
        }

        await using var third = Start(new());
        third.CreateClient().Dispose();
        Assert.DoesNotContain(RecurringJobs(third).Keys, id => id.StartsWith("ingest:", StringComparison.Ordinal));
    }

    [PostgresFact]
    public async Task TwoHostsOnOneDatabase_BothServeAndEachScheduledRunHappensOnce()
    {
        // Several hosts share one index (Qdrant): a run happens on one of them and both serve what it indexed.
        var settings = qdrant.NewCollectionSettings();
        settings["StudyBot:Sources:knowledge:Schedule"] = "*/2 * * * * *";
        await using var first = Start(new(settings));
        await using var second = Start(new(settings));
        using var firstClient = first.CreateAdminClient();
        using var secondClient = second.CreateAdminClient();
        await StudyBotHost.WaitForIngestionAsync(firstClient);
        await StudyBotHost.WaitForIngestionAsync(secondClient);

        var monitoring = first.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (monitoring.SucceededListCount() < 6 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        using var connection = first.Services.GetRequiredService<JobStorage>().GetConnection();
        var occurrences = monitoring.SucceededJobs(0, 1000)
            .Where(j => j.Value.Job.Method.Name == "RunScheduledAsync")
            .Select(j => connection.GetJobParameter(j.Key, "Time"))
            .ToList();
        Assert.True(occurrences.Count >= 3, $"only {occurrences.Count} scheduled runs succeeded");
        Assert.Equal(occurrences.Count, occurrences.Distinct().Count());

        foreach (var client in new[] { firstClient, secondClient })
        {
            var answer = await (await client.PostAsJsonAsync("/api/ask", new { question = "What is QLoRA?" })).Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(answer.GetProperty("found").GetBoolean());
        }
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _folders.ForEach(f => f.Dispose());
        _corpus.Dispose();
    }
}
