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

    /// <summary>Notion or Confluence: API or site root (Confluence: https://x.atlassian.net/wiki or a Data Center URL).</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Notion: internal integration token (environment or user secrets only).</summary>
    public string? Token { get; set; }

    /// <summary>Notion: root pages, indexed with every page below them.</summary>
    public IList<string> PageIds { get; } = [];

    /// <summary>Notion: data sources (databases) whose rows are indexed as pages.</summary>
    public IList<string> DataSourceIds { get; } = [];

    /// <summary>Confluence: Cloud or DataCenter; empty = Cloud for *.atlassian.net sites.</summary>
    public string? Flavor { get; set; }

    /// <summary>Confluence Cloud: the account's email (basic auth with ApiToken).</summary>
    public string? Email { get; set; }

    /// <summary>Confluence Cloud: API token (secret).</summary>
    public string? ApiToken { get; set; }

    /// <summary>Confluence Data Center: personal access token (secret, bearer).</summary>
    public string? PersonalAccessToken { get; set; }

    /// <summary>Confluence: keys of the spaces to index.</summary>
    public string[] SpaceKeys { get; set; } = [];

    /// <summary>Confluence: optional CQL filter ANDed to the space filter (no ORDER BY).</summary>
    public string? Cql { get; set; }

    /// <summary>Confluence: optional labels; only pages carrying one of them are indexed.</summary>
    public string[] Labels { get; set; } = [];

    /// <summary>Confluence: also index the PDF attachments of the indexed pages.</summary>
    public bool IncludePdfAttachments { get; set; }
}
