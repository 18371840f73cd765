namespace StudyBot.Assistant.Quizzes.Questions;

/// <summary>A row of a Markdown table: the line as written, the table's header cells and its own cells.</summary>
internal sealed record TableRow(string Line, IReadOnlyList<string> Header, IReadOnlyList<string> Cells);

/// <summary>The body rows of a text's Markdown tables, each with its header: a row names a thing in its first cell and describes it in the others.</summary>
internal static class TableRows
{
    public static IEnumerable<TableRow> Of(string text)
    {
        List<string>? header = null;
        var row = 0;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (!line.StartsWith('|'))
            {
                (header, row) = (null, 0);
                continue;
            }

            // The header, then the |---| row, then the body.
            var cells = line.Trim('|').Split('|').Select(c => c.Replace("`", "", StringComparison.Ordinal).Replace("**", "", StringComparison.Ordinal).Trim()).ToList();
            if (row++ == 0)
            {
                header = cells;
            }
            else if (row > 2 && header is not null && cells.Count == header.Count)
            {
                yield return new TableRow(line, header, cells);
            }
        }
    }
}
