using System.Text.Json;
using System.Text.RegularExpressions;
using StudyBot.Knowledge.Configuration;
using StudyBot.Knowledge.Storage;

namespace StudyBot.Knowledge.Sources;

/// <summary>
/// Folders added with the command line's <c>ingest &lt;folder&gt;</c>, kept as name → path in the data
/// folder's sources.json and served as Files sources next to the configured ones (which win on a name clash).
/// </summary>
public static partial class AddedFolders
{
    public const string FileName = "sources.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static string PathIn(string dataDirectory) => Path.Combine(Path.GetFullPath(dataDirectory), FileName);

    public static SortedDictionary<string, string> Read(string dataDirectory)
    {
        var file = PathIn(dataDirectory);
        if (!File.Exists(file))
        {
            return new(StringComparer.OrdinalIgnoreCase);
        }

        try
        {
            return new(JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file)) ?? [], StringComparer.OrdinalIgnoreCase);
        }
        catch (JsonException ex)
        {
            throw new DataFolderException($"{file} is not a JSON object of source names and folders ({ex.Message}); fix or delete it.", ex);
        }
    }

    /// <summary>Replaces the file in one step, so a crash never leaves half of it.</summary>
    public static void Write(string dataDirectory, IReadOnlyDictionary<string, string> folders)
    {
        var file = PathIn(dataDirectory);
        var temporary = file + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(folders, Json));
        File.Move(temporary, file, overwrite: true);
    }

    /// <summary>Adds the registered folders to the configured sources (a configured name is kept as configured).</summary>
    public static void AddTo(KnowledgeOptions options)
    {
        foreach (var (name, path) in Read(options.DataDirectory))
        {
            options.Sources.TryAdd(name, new SourceOptions { Type = "Files", Path = path });
        }
    }

    /// <summary>A source name for a folder: its name with every character a source name may not hold replaced by '-'.</summary>
    public static string NameOf(string folder)
    {
        var name = NotAllowed().Replace(new DirectoryInfo(folder).Name, "-").Trim('-');
        return name.Length == 0 ? "folder" : name[..Math.Min(name.Length, 64)];
    }

    [GeneratedRegex("[^A-Za-z0-9_-]+")]
    private static partial Regex NotAllowed();
}
