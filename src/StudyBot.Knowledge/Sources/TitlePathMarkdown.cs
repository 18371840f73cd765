using System.Text;

namespace StudyBot.Knowledge.Sources;

/// <summary>
/// Puts a page's place in its tree (ancestor titles, then its own) above its Markdown as one
/// top-level heading and moves the page's own headings one level down, so every chunk's heading
/// path reads "Space home › Parent › Page › Section".
/// </summary>
public static class TitlePathMarkdown
{
    public const string Separator = " › ";

    public static string Nest(IEnumerable<string> titlePath, string markdown)
    {
        var path = string.Join(Separator, titlePath.Select(t => t.Trim()).Where(t => t.Length > 0));
        var nested = new StringBuilder(markdown.Length + path.Length + 8);
        if (path.Length > 0)
        {
            nested.Append("# ").Append(path).Append("\n\n");
        }

        var inFence = false;
        foreach (var line in markdown.Split('\n'))
        {
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                inFence = !inFence;
            }
            else if (!inFence && path.Length > 0 && IsHeading(line))
            {
                nested.Append('#');
            }

            nested.Append(line).Append('\n');
        }

        return nested.ToString().TrimEnd();
    }

    private static bool IsHeading(string line)
    {
        var level = 0;
        while (level < line.Length && line[level] == '#')
        {
            level++;
        }

        return level is >= 1 and <= 5 && line.Length > level && line[level] == ' ';
    }
}
