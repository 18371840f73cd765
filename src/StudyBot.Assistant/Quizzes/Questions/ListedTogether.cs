using System.Text.RegularExpressions;
using StudyBot.Core.Retrieval;
using StudyBot.Knowledge.Text;

namespace StudyBot.Assistant.Quizzes.Questions;

/// <summary>
/// Names a text lists as one kind of thing: the first column of a table ("Qdrant", "pgvector",
/// "Milvus"), the bold lead names of a bullet list ("**Hit@k** is …", "**Recall@k** is …") and
/// sibling headings ("### HNSW", "### IVF" under one parent).
/// </summary>
internal static partial class ListedTogether
{
    private const int MaxNameWords = 4;
    private const int MinListed = 3;

    /// <summary>Groups of names from the tables and bullet lists of a text (code already removed).</summary>
    public static IEnumerable<List<string>> In(string text)
    {
        var table = new List<string>();
        var bullets = new List<string>();
        var tableRow = 0;
        foreach (var raw in text.Split('\n').Append(""))
        {
            var line = raw.Trim();
            if (line.StartsWith('|'))
            {
                // The header and the |---| row name no entity.
                if (tableRow++ >= 2 && Name(line.Split('|', StringSplitOptions.TrimEntries).Skip(1).FirstOrDefault() ?? "") is { } entity)
                {
                    table.Add(entity);
                }

                continue;
            }

            if (Flush(table) is { } column)
            {
                yield return column;
            }

            tableRow = 0;
            if (BulletLead().Match(line) is { Success: true } lead)
            {
                if (Name(lead.Groups["lead"].Value) is { } name)
                {
                    bullets.Add(name);
                }

                continue;
            }

            if (line.Length > 0 && Flush(bullets) is { } list)
            {
                yield return list;
            }
        }

        if (Flush(bullets) is { } last)
        {
            yield return last;
        }
    }

    /// <summary>
    /// The last headings of chunks that share a parent heading path, from the third level down: a
    /// page's sections are topics ("Chunking", "Embeddings"), the entries of one section are kinds.
    /// </summary>
    public static IEnumerable<List<string>> SiblingHeadings(IEnumerable<RetrievedChunk> chunks) =>
        chunks.Where(c => c.HeadingPath.Count > 2)
            .GroupBy(c => string.Join(" › ", c.HeadingPath.Take(c.HeadingPath.Count - 1)), StringComparer.Ordinal)
            .Select(g => g.Select(c => c.HeadingPath[^1]).Distinct(StringComparer.Ordinal).ToList())
            .Where(g => g.Count > 1);

    /// <summary>
    /// The terms that the sections of one page are about, where at least <see cref="MinListed"/> of them say so: a
    /// section whose heading names a term its own text defines ("## Jailbreaks": "A jailbreak is an input crafted
    /// to …"; "## Red teaming": "Red teaming is structured adversarial testing …") is that term's entry, and the
    /// entries of one page are the concepts of its subject.
    /// </summary>
    public static IEnumerable<List<string>> DefinedSections(IEnumerable<RetrievedChunk> chunks) =>
        chunks.Where(c => c.HeadingPath.Count >= 2)
            .GroupBy(c => (c.Source, c.Link, c.HeadingPath[0]))
            .Select(page => page.GroupBy(c => c.HeadingPath[1], StringComparer.Ordinal)
                .Select(section => DefinedBy(section.Key, section.SelectMany(c => SentenceSplitter.Split(c.Text))))
                .OfType<string>()
                .Distinct(StringComparer.Ordinal)
                .ToList())
            .Where(g => g.Count >= MinListed);

    /// <summary>The first term the sentences define whose words the heading names.</summary>
    private static string? DefinedBy(string heading, IEnumerable<string> sentences)
    {
        var headingKey = $" {TermKey.Of(heading)} ";
        return sentences.Select(s => KeyTerms.ReadDefinition(s.Replace("**", "", StringComparison.Ordinal).Trim()))
            .OfType<Definition>()
            .Select(d => d.Term)
            .FirstOrDefault(term => TermKey.Of(term) is { Length: > 0 } key && headingKey.Contains($" {key} ", StringComparison.Ordinal));
    }

    private static List<string>? Flush(List<string> names)
    {
        var group = names.Count >= MinListed ? names.ToList() : null;
        names.Clear();
        return group;
    }

    /// <summary>A cell or bold lead as a name: "MRR (mean reciprocal rank)" → "MRR"; a sentence or a long phrase is none.</summary>
    internal static string? Name(string text)
    {
        var name = Markup().Replace(text, "").Trim().TrimEnd(':').Trim();
        var paren = name.IndexOf(" (", StringComparison.Ordinal);
        name = paren > 0 ? name[..paren] : name;
        return name.Length > 1 && name.Split(' ').Length <= MaxNameWords && !NotAName().IsMatch(name) ? name : null;
    }

    /// <summary>A bullet (not a numbered step) that starts with a bold name.</summary>
    [GeneratedRegex(@"^[-*+]\s+\*\*(?<lead>[^*]+)\*\*")]
    private static partial Regex BulletLead();

    [GeneratedRegex(@"\*\*|`")]
    private static partial Regex Markup();

    [GeneratedRegex(@"[,.;:!?""“”()+/=]")]
    private static partial Regex NotAName();
}
