using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Options;
using StudyBot.Knowledge.Configuration;

namespace StudyBot.Operations.Jobs;

/// <summary>
/// Makes the recurring jobs match configuration at start-up: one `ingest:{source}` per scheduled
/// source and `ingest:all`; jobs of removed or unscheduled sources are deleted, changed schedules updated.
/// </summary>
public sealed class JobScheduleSynchronizer(
    JobStorage storage,
    IRecurringJobManager recurring,
    IOptions<KnowledgeOptions> knowledge,
    IOptions<JobsOptions> jobs) : IHostedService
{
    public const string Prefix = "ingest:";
    public const string AllJobId = Prefix + "*all";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var options = new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(jobs.Value.TimeZone) };
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, source) in knowledge.Value.Sources.Where(s => !string.IsNullOrWhiteSpace(s.Value.Schedule)))
        {
            var id = Prefix + name;
            recurring.AddOrUpdate<IngestionJobs>(id, j => j.RunScheduledAsync(name, CancellationToken.None), source.Schedule!, options);
            wanted.Add(id);
        }

        if (!string.IsNullOrWhiteSpace(jobs.Value.ReindexAllSchedule))
        {
            recurring.AddOrUpdate<IngestionJobs>(AllJobId, j => j.RunAllScheduledAsync(CancellationToken.None), jobs.Value.ReindexAllSchedule, options);
            wanted.Add(AllJobId);
        }

        using var connection = storage.GetConnection();
        foreach (var stale in connection.GetRecurringJobs().Select(j => j.Id).Where(id => id.StartsWith(Prefix, StringComparison.Ordinal) && !wanted.Contains(id)))
        {
            recurring.RemoveIfExists(stale);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
