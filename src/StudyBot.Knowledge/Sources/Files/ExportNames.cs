using System.Text.RegularExpressions;

namespace StudyBot.Knowledge.Sources.Files;

/// <summary>File and folder names of exported workspaces, as people would title them.</summary>
public static partial class ExportNames
{
    /// <summary>
    /// The title a file name stands for: Notion's "Markdown &amp; CSV" export appends the page id
    /// (32 hex digits, after a space or, in older exports, a dash) to every page's file and folder.
    /// </summary>
    public static string TitleOf(string fileName)
    {
        var name = NotionPageId().Replace(Path.GetFileNameWithoutExtension(fileName), "");
        return name.Replace('-', ' ').Replace('_', ' ').Trim();
    }

    [GeneratedRegex("[ -][0-9a-f]{32}$")]
    private static partial Regex NotionPageId();
}
