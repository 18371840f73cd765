using System.Text;
using System.Text.RegularExpressions;

namespace StudyBot.Knowledge.Text;

/// <summary>
/// Cuts a chunk's Markdown into the pieces an extractive answer can quote, in reading order:
/// prose sentences (Markdown syntax stripped), table rows with their column headers, and code lines.
/// Ingestion embeds these same pieces so the answerer can score them by meaning.
/// </summary>
public static partial class PassageUnits
{
    public static IReadOnlyList<PassageUnit> Split(string markdown)
    {
        var units = new List<PassageUnit>();
        var prose = new StringBuilder();
        string[]? header = null;
        var lines = markdown.Split('\n');
        // A chunk cut from a longer document can begin inside a code block: then its fences are odd
        // in number and the first is a bare closing one (an opening fence usually names its language).
        var fences = lines.Select(l => l.Trim()).Where(IsFence).ToList();
        var inFence = fences.Count % 2 == 1 && fences[0].Length == 3;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (IsFence(line))
            {
                FlushProse(prose, units);
                inFence = !inFence;
                continue;
            }

            if (inFence)
            {
                if (line.Length > 0 && line.Any(char.IsLetterOrDigit))
                {
                    units.Add(new PassageUnit(PassageUnitKind.Code, line, units.Count));
                }

                continue;
            }

            if (line.StartsWith('|'))
            {
                FlushProse(prose, units);
                var cells = Cells(line);
                if (cells.All(c => TableRule().IsMatch(c)))
                {
                    continue;
                }

                if (header is null)
                {
                    header = cells;
                    continue;
                }

                units.Add(new PassageUnit(PassageUnitKind.TableRow, Row(header, cells), units.Count));
                continue;
            }

            header = null;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                FlushProse(prose, units);
                continue;
            }

            // A list item starts a new block; other lines of a paragraph are soft-wrapped and join with a space.
            if (ListMarker().IsMatch(line))
            {
                FlushProse(prose, units);
            }

            var cleaned = Clean(line);
            if (cleaned.Length > 0 && prose.Length > 2 && prose[^2] == '-' && char.IsLower(prose[^3]) && char.IsLower(cleaned[0]))
            {
                prose.Length -= 2; // "pre-" + "trained": a word hyphenated across a line break
            }

            prose.Append(cleaned).Append(' ');
        }

        FlushProse(prose, units);
        return units;
    }

    private static bool IsFence(string line) => line.StartsWith("```", StringComparison.Ordinal) || line.StartsWith("~~~", StringComparison.Ordinal);

    /// <summary>Prose of a chunk with Markdown syntax, tables and code removed (for snippets).</summary>
    public static string Prose(string markdown) =>
        string.Join(' ', Split(markdown).Where(u => u.Kind == PassageUnitKind.Sentence).Select(u => u.Text));

    private static void FlushProse(StringBuilder prose, List<PassageUnit> units)
    {
        foreach (var sentence in SentenceSplitter.Split(prose.ToString()))
        {
            units.Add(new PassageUnit(PassageUnitKind.Sentence, sentence, units.Count));
        }

        prose.Clear();
    }

    private static string[] Cells(string line) =>
        line.Trim().Trim('|').Split('|').Select(c => Clean(c.Trim())).ToArray();

    /// <summary>"Model: LLaMA-13B; Params: 13B": each value under its column's header.</summary>
    private static string Row(string[] header, string[] cells) =>
        string.Join("; ", cells.Select((cell, i) => i < header.Length && header[i].Length > 0 ? $"{header[i]}: {cell}" : cell).Where(c => c.Length > 0));

    private static string Clean(string line)
    {
        line = ListMarker().Replace(line, "");
        line = Link().Replace(line, "$1");
        return line.Replace("**", "", StringComparison.Ordinal).Replace("__", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^(?:[-*+>]\s+|\d+[.)]\s+)+")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"\[([^\]]+)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^:?-{2,}:?$")]
    private static partial Regex TableRule();
}

public enum PassageUnitKind
{
    Sentence,
    TableRow,
    Code,
}

/// <param name="Position">Reading order inside the chunk, from 0.</param>
public sealed record PassageUnit(PassageUnitKind Kind, string Text, int Position);
