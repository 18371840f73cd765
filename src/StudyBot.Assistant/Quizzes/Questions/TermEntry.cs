namespace StudyBot.Assistant.Quizzes.Questions;

/// <summary>One key term of the knowledge: how it is written, its aliases, what kind of thing it is and where it is mentioned.</summary>
internal sealed class TermEntry(string key, string text, TermKind kind)
{
    public string Key { get; } = key;

    /// <summary>As first written (a definition's spelling wins).</summary>
    public string Text { get; set; } = text;

    public TermKind Kind { get; } = kind;

    /// <summary>The sentence that defines it ("X is a …"), if any.</summary>
    public string? Definition { get; set; }

    /// <summary>The words of its definition's genus ("PEFT method"), where the terms it is a kind of are named.</summary>
    public string? GenusPhrase { get; set; }

    /// <summary>Keys of its other names: expansions, acronyms, "or …" synonyms.</summary>
    public HashSet<string> Aliases { get; } = new(StringComparer.Ordinal);

    /// <summary>Stemmed nouns of what it is: "index", "library", "method".</summary>
    public HashSet<string> Types { get; } = new(StringComparer.Ordinal);

    /// <summary>Terms it is a kind of, by its definition ("LoRA is a PEFT method" → PEFT).</summary>
    public HashSet<TermEntry> Parents { get; } = [];

    /// <summary>Terms listed together with it ("BLEU and ROUGE"), which are of its kind.</summary>
    public HashSet<TermEntry> Peers { get; } = [];

    /// <summary>Indexes of the sentences that mention it, by any of its names.</summary>
    public List<int> Mentions { get; } = [];

    /// <summary>Written in lower case where a capital was due (a table's first cell, a list's lead, a sentence's start): "pgvector", "garak".</summary>
    public bool LowerCaseName { get; set; }

    public bool Defined => Definition is not null;

    /// <summary>A coined name (LoRA, BM25, Hit@k), a phrase or a quantity ("8 bytes"), as opposed to a plain word that running text also uses otherwise.</summary>
    public bool Coined { get; } = kind == TermKind.Phrase || char.IsDigit(text[0]) || text.Skip(1).Any(c => char.IsUpper(c) || char.IsDigit(c) || c is '@' or '³' or '²');
}
