using System.Text.RegularExpressions;
using StudyBot.Core.Retrieval;
using StudyBot.Knowledge.Text;

namespace StudyBot.Assistant.Quizzes.Questions;

/// <summary>
/// What the knowledge base says, as far as a quiz needs it: its sentences, and for each key term its
/// other names, what kind of thing it is, what it is a kind of, and where it is mentioned. Questions
/// are checked against it (is a distractor of the answer's kind, or also true?) and distractors are
/// drawn from it.
/// </summary>
public sealed partial class QuizKnowledge
{
    private const int MaxTermWords = 6;
    private const int MaxKindOfDepth = 4;
    private const int MinCompounds = 2;

    /// <summary>Share of a claim's weighted words that a sentence about another term must repeat to say much the same of it.</summary>
    private const double SameClaim = 0.85;

    /// <summary>Stands between words that punctuation separates, so "PostgreSQL | extension" is no compound.</summary>
    private const string Break = "|";

    private readonly Dictionary<string, TermEntry> _byKey = new(StringComparer.Ordinal);
    private readonly List<TermEntry> _terms = [];
    private readonly List<string> _sentences = [];
    private readonly List<HashSet<string>> _sentenceWords = [];
    private readonly Dictionary<string, int> _sentenceFrequency = new(StringComparer.Ordinal);

    private QuizKnowledge()
    {
    }

    internal IReadOnlyList<TermEntry> Terms => _terms;

    /// <summary>Reads the knowledge in these chunks.</summary>
    public static QuizKnowledge From(IEnumerable<RetrievedChunk> chunks)
    {
        var knowledge = new QuizKnowledge();
        var material = chunks.ToList();
        var listed = new List<List<string>>();
        foreach (var chunk in material)
        {
            // Code is no knowledge to quiz on: its identifiers would make odd distractors.
            var prose = InlineCode().Replace(CodeBlock().Replace(chunk.Text, "\n"), " ");
            listed.AddRange(ListedTogether.In(prose));
            knowledge._sentences.AddRange(SentenceSplitter.Split(Markup().Replace(prose, " ")));
        }

        knowledge.ReadTerms(listed);
        knowledge.ReadMentions();
        knowledge.ReadPeers([.. listed, .. ListedTogether.SiblingHeadings(material), .. ListedTogether.DefinedSections(material)]);
        return knowledge;
    }

    internal TermEntry? Find(string term) => _byKey.GetValueOrDefault(TermKey.Of(term));

    /// <summary>The terms a sentence mentions, by any of their names.</summary>
    internal IEnumerable<TermEntry> TermsIn(string sentence) => Mentioned(Tokenize(sentence)).Select(m => m.Entry).Distinct();

    /// <summary>True when the knowledge says what kind of thing the term is (a type, or terms listed with it).</summary>
    internal bool HasKind(string term) => Find(term) is { } entry && (entry.Types.Count > 0 || entry.Peers.Count > 0 || entry.Parents.Count > 0);

    /// <summary>Other names of the term that the knowledge declares (expansions, acronyms, synonyms).</summary>
    internal IEnumerable<string> AliasesOf(string term) => Find(term) is { } entry ? entry.Aliases.Append(entry.Key).Where(k => k != TermKey.Of(term)) : [];

    /// <summary>The term as an option shows it: with a capital, unless the knowledge writes it in lower case even where a capital was due ("pgvector").</summary>
    internal string AsOption(string term) =>
        term.Length == 0 || !char.IsLower(term[0]) || Find(term) is { LowerCaseName: true } || (KeyTerms.KindOf(term) == TermKind.Name && term.Skip(1).Any(c => char.IsUpper(c) || char.IsDigit(c) || c == '@'))
            ? term
            : char.ToUpperInvariant(term[0]) + term[1..];

    /// <summary>The sentence that best says what the term is: its definition, else its first mention.</summary>
    internal string ProfileOf(TermEntry entry) => entry.Definition ?? (entry.Mentions.Count > 0 ? _sentences[entry.Mentions[0]] : entry.Text);

    /// <summary>
    /// True when the knowledge shows both to be one kind of thing: a type in common ("HNSW index",
    /// "IVF index"), listed together ("BLEU and ROUGE"), or kinds of one thing ("a PEFT method").
    /// Unknown terms are of no known kind.
    /// </summary>
    internal bool SameKind(string a, string b)
    {
        if (Find(a) is not { } x || Find(b) is not { } y || x == y)
        {
            return false;
        }

        return (x.Types.Overlaps(y.Types) && GeneraAgree(x, y)) || x.Peers.Contains(y) || x.Parents.Overlaps(y.Parents);
    }

    /// <summary>
    /// Two definitions of one genus are of one kind unless their genera say otherwise: "a PEFT
    /// method" and "a fine-tuning method" agree (PEFT is fine-tuning), "an evaluation method" does not.
    /// </summary>
    private static bool GeneraAgree(TermEntry x, TermEntry y)
    {
        var (mx, my) = (Modifiers(x), Modifiers(y));
        return mx.Count == 0 || my.Count == 0 || mx.Overlaps(my)
            || x.Parents.Any(p => y.Parents.Any(q => p == q || KindOf(p, q, MaxKindOfDepth) || KindOf(q, p, MaxKindOfDepth)));
    }

    /// <summary>The words of a definition's genus before its head: "graph-based ANN" of "a graph-based ANN index".</summary>
    private static HashSet<string> Modifiers(TermEntry entry) =>
        string.IsNullOrEmpty(entry.GenusPhrase) ? [] : ContentWords(entry.GenusPhrase).Except([TermKey.Words(entry.GenusPhrase).LastOrDefault() ?? ""]).ToHashSet(StringComparer.Ordinal);

    /// <summary>True when the two are one term by another name, or one is a kind of the other ("LoRA is a PEFT method").</summary>
    internal bool Related(string a, string b)
    {
        if (Find(a) is not { } x || Find(b) is not { } y)
        {
            return false;
        }

        return x == y || KindOf(x, y, MaxKindOfDepth) || KindOf(y, x, MaxKindOfDepth);
    }

    /// <summary>
    /// True when a sentence of the knowledge (other than <paramref name="besides"/>) mentions the term
    /// and repeats most of the claim's words, weighted by how rare they are: the knowledge says much
    /// the same of it.
    /// </summary>
    internal bool SaysOf(string term, string claim, string? besides)
    {
        if (Find(term) is not { } entry)
        {
            return false;
        }

        var claimWords = ContentWords(claim);
        claimWords.ExceptWith(ContentWords(entry.Text));
        if (claimWords.Count < 2)
        {
            return false;
        }

        var total = claimWords.Sum(Weight);
        var skip = besides is null ? "" : TermKey.Of(besides);
        return entry.Mentions
            .Where(i => TermKey.Of(_sentences[i]) != skip)
            .Any(i => claimWords.Where(_sentenceWords[i].Contains).Sum(Weight) >= SameClaim * total);
    }

    /// <summary>The names of what the term is a kind of, as far as this knowledge says ("LoRA is a PEFT method" → PEFT).</summary>
    internal IEnumerable<string> KindsOf(string term) => Find(term) is { } entry ? entry.Parents.Select(p => p.Text) : [];

    private double Weight(string word) => Math.Log(1 + (_sentences.Count / (1.0 + _sentenceFrequency.GetValueOrDefault(word))));

    private static bool KindOf(TermEntry term, TermEntry ancestor, int depth) =>
        depth > 0 && term.Parents.Any(p => p == ancestor || KindOf(p, ancestor, depth - 1));

    /// <param name="listed">Names listed as one kind in tables and bullet lists: terms too.</param>
    private void ReadTerms(List<List<string>> listed)
    {
        foreach (var name in listed.SelectMany(g => g))
        {
            Add(name).LowerCaseName |= char.IsLower(name[0]);
        }

        foreach (var sentence in _sentences)
        {
            if (KeyTerms.ReadDefinition(sentence) is { } definition)
            {
                var entry = Add(definition.Term);
                entry.Text = definition.Term;
                entry.LowerCaseName |= char.IsLower(definition.Subject[0]);
                entry.Definition ??= sentence;
                entry.GenusPhrase ??= TermTypes.GenusPhrase(definition.Body);
                if (TermTypes.GenusOf(definition.Body) is { } genus)
                {
                    entry.Types.Add(genus);
                }

                if (definition.Alias is { } alias)
                {
                    AddAlias(entry, alias);
                }
            }

            foreach (var (shortForm, longForm) in Abbreviations.Declared(sentence))
            {
                AddAlias(Add(shortForm), longForm);
            }

            foreach (var acronym in KeyTerms.AcronymsIn(sentence))
            {
                Add(acronym);
            }

            // "4-bit", "48 GB", "65B": quantities of one unit are of one kind.
            foreach (Match quantity in Quantity().Matches(sentence))
            {
                Add(quantity.Value).Types.Add(UnitOf(quantity.Groups["unit"].Value));
            }
        }
    }

    /// <summary>"-bit", " bits" → "bit"; " GB" → "gb"; "B" (billions) → "b".</summary>
    private static string UnitOf(string unit)
    {
        var key = unit.Trim().TrimStart('-').ToLowerInvariant();
        return key.Length > 2 && key[^1] == 's' ? key[..^1] : key;
    }

    private void ReadMentions()
    {
        var compounds = new Dictionary<(TermEntry, string), int>();
        for (var i = 0; i < _sentences.Count; i++)
        {
            var words = ContentWords(_sentences[i]);
            _sentenceWords.Add(words);
            foreach (var word in words)
            {
                _sentenceFrequency[word] = _sentenceFrequency.GetValueOrDefault(word) + 1;
            }

            var tokens = Tokenize(_sentences[i]);
            var mentions = Mentioned(tokens).ToList();
            for (var m = 0; m < mentions.Count; m++)
            {
                var (entry, start, end) = mentions[m];
                if (entry.Mentions.Count == 0 || entry.Mentions[^1] != i)
                {
                    entry.Mentions.Add(i);
                }

                // Plain words ("Task", "Quality") are too often something else in running text to be typed by it.
                if (!entry.Coined)
                {
                    continue;
                }

                // A quantity is of its unit's kind only: "4-bit quantization" makes no quantization of "4-bit".
                var next = end < tokens.Count ? tokens[end] : Break;
                if (TermTypes.CompoundNouns.Contains(next) && !char.IsDigit(entry.Text[0]))
                {
                    compounds[(entry, next)] = compounds.GetValueOrDefault((entry, next)) + 1;
                }

                // "BLEU and ROUGE", "HNSW, DiskANN": terms listed together are of one kind (not "GPU" in "HNSW, GPU indexes").
                if (ListMark(next) && m + 1 < mentions.Count && mentions[m + 1].Entry.Coined
                    && (mentions[m + 1].End >= tokens.Count || ListMark(tokens[mentions[m + 1].End]))
                    && tokens.Skip(end).Take(mentions[m + 1].Start - end).All(ListMark))
                {
                    entry.Peers.Add(mentions[m + 1].Entry);
                    mentions[m + 1].Entry.Peers.Add(entry);
                }
            }
        }

        // "an HNSW index" said twice makes HNSW an index; once may be a compound of another kind ("GPU indexes").
        foreach (var ((entry, noun), count) in compounds.Where(c => c.Value >= MinCompounds))
        {
            entry.Types.Add(noun);
        }

        foreach (var entry in _terms.Where(t => !string.IsNullOrEmpty(t.GenusPhrase)))
        {
            entry.Parents.UnionWith(Mentioned(Tokenize(entry.GenusPhrase!)).Select(m => m.Entry).Where(p => p != entry));
        }

        // A name that ends in another term's name is a kind of it: "Parameter-efficient fine-tuning" of "Fine-tuning".
        foreach (var entry in _terms)
        {
            foreach (var name in entry.Aliases.Append(entry.Key))
            {
                var words = name.Split(' ');
                entry.Parents.UnionWith(Enumerable.Range(1, words.Length - 1)
                    .Select(skip => _byKey.GetValueOrDefault(string.Join(' ', words.Skip(skip))))
                    .OfType<TermEntry>()
                    .Where(p => p != entry));
            }
        }

        foreach (var entry in _terms)
        {
            entry.Peers.Remove(entry);
        }
    }

    private static bool ListMark(string token) => token is Break or "and" or "or";

    /// <summary>Terms listed together in a table column, a bullet list or sibling headings are of one kind.</summary>
    private void ReadPeers(IEnumerable<List<string>> groups)
    {
        foreach (var group in groups)
        {
            var entries = group.Select(Find).OfType<TermEntry>().Distinct().ToList();
            foreach (var entry in entries)
            {
                entry.Peers.UnionWith(entries.Where(e => e != entry));
            }
        }
    }

    /// <summary>Stemmed lower-case words, with <see cref="Break"/> for punctuation other than hyphens and parentheses.</summary>
    private static List<string> Tokenize(string text) =>
        Tokens().Matches(text).Select(m => char.IsLetterOrDigit(m.Value[0]) ? TermKey.Of(m.Value) : Break).ToList();

    /// <summary>The terms among the tokens, longest name first, with the tokens they span.</summary>
    private IEnumerable<(TermEntry Entry, int Start, int End)> Mentioned(List<string> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            for (var n = Math.Min(MaxTermWords, tokens.Count - i); n >= 1; n--)
            {
                if (tokens[i + n - 1] == Break || !_byKey.TryGetValue(string.Join(' ', tokens.Skip(i).Take(n)), out var entry))
                {
                    continue;
                }

                yield return (entry, i, i + n);
                i += n - 1;
                break;
            }
        }
    }

    private TermEntry Add(string term)
    {
        var key = TermKey.Of(term);
        if (!_byKey.TryGetValue(key, out var entry))
        {
            entry = new TermEntry(key, term, KeyTerms.KindOf(term));
            _byKey[key] = entry;
            _terms.Add(entry);
        }

        return entry;
    }

    private void AddAlias(TermEntry entry, string alias)
    {
        var key = TermKey.Of(alias);
        if (key.Length > 0 && key != entry.Key)
        {
            entry.Aliases.Add(key);
            // A name met bare before its declaration ("PEFT" before "Parameter-efficient fine-tuning (PEFT) is …") becomes
            // the declared term's alias, whatever order the chunks come in.
            if (_byKey.GetValueOrDefault(key) is { } bare && bare != entry && bare.Definition is null && bare.Aliases.Count == 0 && bare.Types.Count == 0)
            {
                _terms.Remove(bare);
                _byKey[key] = entry;
            }

            _byKey.TryAdd(key, entry);
        }
    }

    /// <summary>Lower-cased, stemmed words without stop words; hyphenated words stay whole ("graph-based").</summary>
    private static HashSet<string> ContentWords(string text) =>
        Words().Matches(text).Select(m => m.Value.ToLowerInvariant()).Where(w => !StopWords.Contains(w)).Select(EnglishStemmer.Stem).ToHashSet(StringComparer.Ordinal);

    /// <summary>Markdown emphasis and list bullets, which are no part of what a sentence says.</summary>
    [GeneratedRegex(@"\*\*|__|^\s*(?:[-*+]|\d+\.)\s+|^#+\s*", RegexOptions.Multiline)]
    private static partial Regex Markup();

    /// <summary>A number with its unit, not part of a longer name or number ("LLaMA-13B", "v1.5").</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}\-.,])(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?<unit>-bit|\s?(?:GB|MB|TB|KiB)|B|\s(?:bytes|bits|tokens|dimensions))(?![\p{L}\p{N}]|-\p{L})")]
    private static partial Regex Quantity();

    [GeneratedRegex(@"^\s*```.*?^\s*```[^\n]*", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"`[^`\n]*`")]
    private static partial Regex InlineCode();

    /// <summary>Words, and punctuation other than hyphens and parentheses as separators.</summary>
    [GeneratedRegex(@"[\p{L}\p{N}³²]+|[^\s\p{L}\p{N}³²\-()'’]")]
    private static partial Regex Tokens();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}\-']*[\p{L}\p{N}]|[\p{L}\p{N}]")]
    private static partial Regex Words();
}
