namespace StudyBot.Host.Admin;

/// <summary>StudyBot:Admin — the key that opens the admin API and the jobs dashboard (header X-Admin-Key).</summary>
public sealed class AdminOptions
{
    public const string SectionName = "StudyBot:Admin";

    /// <summary>Secret; empty = admin API and dashboard closed to everyone.</summary>
    public string? ApiKey { get; set; }
}
