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

    /// <summary>Notion: API root; empty = Notion's public API.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>Notion: internal integration token (environment or user secrets only).</summary>
    public string? Token { get; set; }

    /// <summary>Notion: root pages, indexed with every page below them.</summary>
    public IList<string> PageIds { get; } = [];

    /// <summary>Notion: data sources (databases) whose rows are indexed as pages.</summary>
    public IList<string> DataSourceIds { get; } = [];
}
