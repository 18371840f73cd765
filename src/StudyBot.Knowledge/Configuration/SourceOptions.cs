namespace StudyBot.Knowledge.Configuration;

/// <summary>StudyBot:Sources:&lt;name&gt;.</summary>
public sealed class SourceOptions
{
    /// <summary>Files, Notion or Confluence.</summary>
    public string Type { get; set; } = "Files";

    /// <summary>Folder of a Files source.</summary>
    public string? Path { get; set; }

    /// <summary>Cron expression of the source's re-index job.</summary>
    public string? Schedule { get; set; }
}
