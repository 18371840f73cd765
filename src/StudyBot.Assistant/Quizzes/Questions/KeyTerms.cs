using System.Text.RegularExpressions;
using StudyBot.Knowledge.Text;

namespace StudyBot.Assistant.Quizzes.Questions;

/// <summary>What a key term looks like: the four options of a question all look alike.</summary>
internal enum TermKind
{
    /// <summary>One word: an acronym or coined name (LoRA, BM25, GPT-4, Hit@k, Qdrant) or a single-word concept (Fine-tuning).</summary>
    Name,

    /// <summary>A concept in words: "Prefix tuning", "Reciprocal rank fusion".</summary>
    Phrase,
}

internal sealed record KeyTerm(string Text, TermKind Kind, bool Defined);

/// <summary>
/// A sentence of the form "Term (Alias) is a …": the term, its alias, what it is said to be, and the
/// subject as written ("A vector store"), which can stand in for "It" in the sentence after.
/// </summary>
internal sealed record Definition(string Term, string? Alias, string Body, string Subject);

/// <summary>Finds the key terms of a text: the names its definitions introduce, and its acronyms.</summary>
internal static partial class KeyTerms
{
    private const int MaxPhraseWords = 4;

    /// <summary>Units and file-format words have the shape of acronyms but are no concept to be quizzed on.</summary>
    private static readonly HashSet<string> NotConcepts = new(StringComparer.OrdinalIgnoreCase)
    {
        "KB", "MB", "GB", "TB", "KiB", "MiB", "GiB", "TiB", "ms", "GHz", "MHz", "NET", "ASP", "PDF", "HTML", "URL", "JSON", "YAML", "HTTP", "HTTPS", "UI",
    };

    public static TermKind KindOf(string term) => term.Trim().Contains(' ', StringComparison.Ordinal) ? TermKind.Phrase : TermKind.Name;

    public static Definition? ReadDefinition(string sentence)
    {
        var match = DefinitionShape().Match(sentence);
        if (!match.Success)
        {
            return null;
        }

        var subject = match.Groups["term"].Value.Trim();
        var term = LeadingArticle().Replace(subject, "");
        var alias = match.Groups["alias"].Success ? LeadingOr().Replace(match.Groups["alias"].Value.Trim(), "") : null;
        var words = term.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || words.Length > MaxPhraseWords || words.Any(w => StopWords.Contains(w.ToLowerInvariant())))
        {
            return null;
        }

        return new Definition(
            term,
            alias is { Length: > 1 } && alias.Split(' ').Length <= MaxPhraseWords + 1 ? alias : null,
            match.Groups["body"].Value.Trim(),
            subject);
    }

    /// <summary>Every key term of the text, defined terms first; one entry per term, case-insensitive.</summary>
    public static IEnumerable<KeyTerm> In(string text)
    {
        var sentences = SentenceSplitter.Split(text).ToList();
        var defined = new List<KeyTerm>();
        foreach (var definition in sentences.Select(ReadDefinition).OfType<Definition>())
        {
            defined.Add(new KeyTerm(definition.Term, KindOf(definition.Term), Defined: true));
            if (definition.Alias is { } alias)
            {
                defined.Add(new KeyTerm(alias, KindOf(alias), Defined: true));
            }
        }

        var acronyms = sentences.SelectMany(AcronymsIn).Select(a => new KeyTerm(a, TermKind.Name, Defined: false));
        return defined.Concat(acronyms).Where(t => !NotConcepts.Contains(t.Text)).DistinctBy(t => t.Text, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The acronyms and coined names of a sentence, units and file formats left out.</summary>
    public static IEnumerable<string> AcronymsIn(string sentence) =>
        AcronymShape().Matches(sentence).Select(m => m.Value).Where(a => !LowerRun().IsMatch(a) && !NotConcepts.Contains(a));

    /// <summary>Words with an inner capital or a digit after a capital (LoRA, NF4, BM25, GPT-4), or all capitals of 2–6 letters.</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}\-])(?:[A-Z][a-z]*[A-Z][A-Za-z0-9³²]*(?:-[0-9A-Za-z]+)?|[A-Z][A-Za-z]*[0-9³²]+[A-Za-z0-9]*(?:-[0-9A-Za-z]+)?)(?![\p{L}\p{N}])")]
    private static partial Regex AcronymShape();

    /// <summary>Real coined names have short lower-case runs (PagedAttention, OpenTelemetry); longer ones are words a PDF ran together.</summary>
    [GeneratedRegex(@"[a-z]{11,}")]
    private static partial Regex LowerRun();

    [GeneratedRegex(@"^(?<term>[A-Z][\p{L}\p{N}³²@\-]*(?: [\p{L}\p{N}³²@\-]+){0,4}?|\p{Ll}[\p{L}\p{N}³²@\-]*)(?: \((?<alias>[^()]{2,60})\))? (?:is|are|refers to|means|stands for) (?<body>(?:a|an|the|one|any) .{20,})\.$")]
    private static partial Regex DefinitionShape();

    [GeneratedRegex(@"^(?:A|An|The) ")]
    private static partial Regex LeadingArticle();

    [GeneratedRegex(@"^(?:or|also|also called|aka) ")]
    private static partial Regex LeadingOr();
}
