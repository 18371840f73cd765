using System.ComponentModel.DataAnnotations;

namespace StudyBot.Knowledge.Configuration;

/// <summary>The StudyBot section's knowledge settings: where data lives and which sources to index.</summary>
public sealed class KnowledgeOptions
{
    public const string SectionName = "StudyBot";

    /// <summary>Folder for the embedded index, SQLite state and caches; relative paths start at the working directory.</summary>
    [Required(ErrorMessage = "StudyBot:DataDirectory must not be empty.")]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Sources by name; the name appears in citations, status and jobs.</summary>
    public Dictionary<string, SourceOptions> Sources { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
