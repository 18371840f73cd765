using System.ComponentModel.DataAnnotations;
using StudyBot.Knowledge.Configuration;

namespace StudyBot.Operations.Jobs;

/// <summary>StudyBot:Jobs — Hangfire storage and schedules.</summary>
public sealed class JobsOptions : IValidatableObject
{
    public const string SectionName = "StudyBot:Jobs";

    [AllowedValues("InMemory", "Postgres", ErrorMessage = "StudyBot:Jobs:Storage must be InMemory or Postgres.")]
    public string Storage { get; set; } = "InMemory";

    /// <summary>Hangfire's PostgreSQL database; empty = StudyBot:Storage:ConnectionString.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Time zone of every cron schedule (IANA id, e.g. Europe/Berlin).</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Cron expression of the re-index-all job; empty = none.</summary>
    public string? ReindexAllSchedule { get; set; }

    [Range(1, 64, ErrorMessage = "StudyBot:Jobs:WorkerCount must be between {1} and {2}.")]
    public int WorkerCount { get; set; } = 2;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return new ValidationResult($"StudyBot:Jobs:TimeZone '{TimeZone}' is not a known time zone.");
        }

        if (!string.IsNullOrWhiteSpace(ReindexAllSchedule) && !CronSchedule.IsValid(ReindexAllSchedule))
        {
            yield return new ValidationResult($"StudyBot:Jobs:ReindexAllSchedule '{ReindexAllSchedule}' is not a cron expression.");
        }
    }
}
