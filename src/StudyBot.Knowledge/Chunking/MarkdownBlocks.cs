using System.Text;

namespace StudyBot.Knowledge.Chunking;

/// <summary>Splits Markdown into headings and paragraph blocks; fenced code stays in one block.</summary>
internal static class MarkdownBlocks
{
    public static IEnumerable<MarkdownBlock> Parse(string markdown)
    {
        var paragraph = new StringBuilder();
        var inFence = false;
        foreach (var rawLine in markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = rawLine.TrimEnd();
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal) || line.TrimStart().StartsWith("~~~", StringComparison.Ordinal))
            {
                inFence = !inFence;
                paragraph.AppendLine(line);
                continue;
            }

            if (!inFence && TryParseHeading(line, out var level, out var title))
            {
                if (paragraph.Length > 0)
                {
                    yield return MarkdownBlock.Paragraph(paragraph.ToString().Trim());
                    paragraph.Clear();
                }

                yield return MarkdownBlock.Heading(level, title);
                continue;
            }

            if (!inFence && line.Length == 0)
            {
                if (paragraph.Length > 0)
                {
                    yield return MarkdownBlock.Paragraph(paragraph.ToString().Trim());
                    paragraph.Clear();
                }

                continue;
            }

            paragraph.AppendLine(line);
        }

        if (paragraph.Length > 0)
        {
            yield return MarkdownBlock.Paragraph(paragraph.ToString().Trim());
        }
    }

    private static bool TryParseHeading(string line, out int level, out string title)
    {
        level = 0;
        while (level < line.Length && line[level] == '#')
        {
            level++;
        }

        title = level is >= 1 and <= 6 && line.Length > level && line[level] == ' ' ? line[(level + 1)..].Trim().TrimEnd('#').Trim() : "";
        return title.Length > 0;
    }
}

internal sealed record MarkdownBlock(int HeadingLevel, string Text)
{
    public bool IsHeading => HeadingLevel > 0;

    public static MarkdownBlock Heading(int level, string text) => new(level, text);

    public static MarkdownBlock Paragraph(string text) => new(0, text);
}
