using System.ComponentModel.DataAnnotations;

namespace StudyBot.Storage;

/// <summary>StudyBot:Storage — where app state (answers, feedback, accepted events) lives.</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string SectionName = "StudyBot:Storage";

    [AllowedValues("Sqlite", "Postgres", ErrorMessage = "StudyBot:Storage:Provider must be Sqlite or Postgres.")]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Postgres connection string; for Sqlite, empty = studybot.db in the data folder.</summary>
    public string? ConnectionString { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == "Postgres" && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult("StudyBot:Storage:ConnectionString is required when StudyBot:Storage:Provider is Postgres.");
        }
    }
}
