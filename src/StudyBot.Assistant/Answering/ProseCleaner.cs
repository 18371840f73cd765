using System.Text;
using System.Text.RegularExpressions;

namespace StudyBot.Assistant.Answering;

/// <summary>Strips Markdown syntax from chunk text and drops what is not prose (code, tables).</summary>
internal static partial class ProseCleaner
{
    public static string Clean(string markdown)
    {
        var prose = new StringBuilder();
        var inFence = false;
        foreach (var raw in markdown.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("```", StringComparison.Ordinal) || line.StartsWith("~~~", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }

            if (inFence || line.StartsWith('|') || line.StartsWith('#') || line.Length == 0)
            {
                prose.Append('\n');
                continue;
            }

            line = ListMarker().Replace(line, "");
            line = Link().Replace(line, "$1");
            line = line.Replace("**", "", StringComparison.Ordinal).Replace("__", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal);
            prose.Append(line).Append('\n');
        }

        return prose.ToString();
    }

    [GeneratedRegex(@"^(?:[-*+>]\s+|\d+[.)]\s+)+")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"\[([^\]]+)\]\([^)]*\)")]
    private static partial Regex Link();
}
