using System.Text.RegularExpressions;
using StudyBot.Knowledge.Text;

namespace StudyBot.Assistant.Quizzes;

/// <summary>What a key term looks like: distractors are only drawn among terms of the same kind.</summary>
internal enum TermKind
{
    /// <summary>An acronym or coined name with inner capitals or digits: LoRA, QLoRA, BM25, GPT-4.</summary>
    Acronym,

    /// <summary>A concept in words that the text defines: "Prefix tuning", "Reciprocal rank fusion".</summary>
    Phrase,
}

internal sealed record KeyTerm(string Text, TermKind Kind, bool Defined);

/// <summary>A sentence of the form "Term (Alias) is a …": the term, its alias and what it is said to be.</summary>
internal sealed record Definition(string Term, string? Alias, string Body);

/// <summary>Finds the key terms of a text: the names its definitions introduce, and its acronyms.</summary>
internal static partial class KeyTerms
{
    private const int MaxPhraseWords = 4;

    /// <summary>Units and file-format words have the shape of acronyms but are no concept to be quizzed on.</summary>
    private static readonly HashSet<string> NotConcepts = new(StringComparer.OrdinalIgnoreCase)
    {
        "KB", "MB", "GB", "TB", "KiB", "MiB", "GiB", "TiB", "ms", "GHz", "MHz", "NET", "ASP", "PDF", "HTML", "URL", "JSON", "YAML", "HTTP", "HTTPS", "UI",
    };

    public static TermKind KindOf(string term) => AcronymShape().IsMatch(term) ? TermKind.Acronym : TermKind.Phrase;

    public static Definition? ReadDefinition(string sentence)
    {
        var match = DefinitionShape().Match(sentence);
        if (!match.Success)
        {
            return null;
        }

        var term = match.Groups["term"].Value.Trim();
        var alias = match.Groups["alias"].Success ? match.Groups["alias"].Value.Trim() : null;
        var words = term.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > MaxPhraseWords || StopWords.Contains(words[0].ToLowerInvariant()) || words.Skip(1).Any(w => StopWords.Contains(w.ToLowerInvariant())))
        {
            return null;
        }

        return new Definition(term, alias is { Length: > 1 } && alias.Split(' ').Length <= MaxPhraseWords + 1 ? alias : null, match.Groups["body"].Value.Trim());
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

        var acronyms = sentences.SelectMany(s => AcronymShape().Matches(s)).Select(m => new KeyTerm(m.Value, TermKind.Acronym, Defined: false));
        return defined.Concat(acronyms).Where(t => !NotConcepts.Contains(t.Text)).DistinctBy(t => t.Text, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Words with an inner capital or a digit after a capital (LoRA, NF4, BM25, GPT-4), or all capitals of 2–6 letters.</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}\-])(?:[A-Z][a-z]*[A-Z][A-Za-z0-9³²]*(?:-[0-9A-Za-z]+)?|[A-Z][A-Za-z]*[0-9³²]+[A-Za-z0-9]*(?:-[0-9A-Za-z]+)?)(?![\p{L}\p{N}])")]
    private static partial Regex AcronymShape();

    [GeneratedRegex(@"^(?<term>[A-Z][\p{L}\p{N}³²\-]*(?: [\p{L}\p{N}³²\-]+){0,4}?)(?: \((?<alias>[^()]{2,60})\))? (?:is|are|refers to|means|stands for) (?<body>(?:a|an|the|one|any) .{20,})\.$")]
    private static partial Regex DefinitionShape();
}
