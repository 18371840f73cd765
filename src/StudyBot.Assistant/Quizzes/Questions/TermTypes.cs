using System.Text.RegularExpressions;
using StudyBot.Knowledge.Text;

namespace StudyBot.Assistant.Quizzes.Questions;

/// <summary>
/// What kind of thing a term is, as the text says it: the genus of its definition ("HNSW is a
/// graph-based ANN <b>index</b>", "FAISS is a <b>library</b> of ANN algorithms") or the noun it
/// names in use ("an HNSW <b>index</b>", "RAG <b>systems</b>"). Types are stemmed nouns.
/// </summary>
internal static partial class TermTypes
{
    /// <summary>
    /// Nouns that, right after a coined name, say what it is ("HNSW index", "BLEU metric", "NF4
    /// quantization"); nouns like "server" or "system" do not ("LLM server" is no LLM).
    /// </summary>
    public static readonly IReadOnlySet<string> CompoundNouns = new[]
    {
        "index", "method", "algorithm", "metric", "library", "database", "model", "format", "technique", "framework", "benchmark",
        "dataset", "protocol", "attack", "classifier", "quantization", "loss", "score", "optimizer", "tokenizer", "encoder", "decoder",
        "function",
    }.Select(EnglishStemmer.Stem).ToHashSet(StringComparer.Ordinal);

    /// <summary>Genera too vague to type a term: "an unreliable <b>way</b> to add facts", "the <b>combination</b> of …".</summary>
    private static readonly HashSet<string> Vague = new[]
    {
        "way", "combination", "reuse", "use", "kind", "type", "form", "set", "part", "process", "practice", "step", "idea", "thing",
        "fraction", "number", "amount", "name", "term", "lot", "example", "case", "version", "variant", "result", "piece", "one",
        "measurement", "degree", "check", "curated", "average", "share", "collection", "family",
    }.Select(EnglishStemmer.Stem).ToHashSet(StringComparer.Ordinal);

    /// <summary>The head noun of a definition body ("a graph-based ANN index" → index), stemmed; null when vague or unclear.</summary>
    public static string? GenusOf(string body)
    {
        var phrase = GenusPhrase(body);
        if (phrase.Length == 0)
        {
            return null;
        }

        var head = TermKey.Words(phrase).LastOrDefault();
        return head is null || Vague.Contains(head) || head.Any(char.IsDigit) ? null : head;
    }

    /// <summary>The words of the body up to its first relative clause or complement: "a PEFT method that freezes …" → "PEFT method".</summary>
    public static string GenusPhrase(string body)
    {
        var match = Genus().Match(body);
        return match.Success ? match.Groups["genus"].Value.Trim() : "";
    }

    [GeneratedRegex(@"^(?:a|an|the|one|any)\s+(?<genus>.+?)(?=\s+(?:that|which|who|whose|where|when|in|of|for|to|with|used|from|by|on|at|as|and|or|designed|built|trained|made)\b|[,;:(—–.]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex Genus();
}
