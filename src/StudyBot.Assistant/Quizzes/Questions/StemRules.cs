using System.Text.RegularExpressions;

namespace StudyBot.Assistant.Quizzes.Questions;

/// <summary>
/// What makes a stem readable on its own: plain prose (no caption, figure or table label, reference
/// entry, code or broken PDF text) that needs no sentence before it (no dangling "it", "this",
/// "therefore", "we", "Table 3").
/// </summary>
public static partial class StemRules
{
    /// <summary>A quoted sentence shorter than this says too little to ask about.</summary>
    public const int MinQuotedWords = 6;

    private const int MinStemWords = 4;

    /// <summary>The part a reader must understand: the quoted sentence of a rule-built stem (“…”), or the whole stem.</summary>
    public static string Quoted(string stem)
    {
        var open = stem.IndexOf('“', StringComparison.Ordinal);
        var close = stem.LastIndexOf('”');
        return open >= 0 && close > open ? stem[(open + 1)..close] : stem;
    }

    /// <returns>Why the text cannot be a stem, or null.</returns>
    public static string? Problem(string stem)
    {
        var text = Quoted(stem);
        var quoted = !ReferenceEquals(text, stem);
        return NotProse(text, quoted ? MinQuotedWords : MinStemWords) ?? Dangling(quoted ? text : WhichOfThese().Replace(text, "which"));
    }

    private static string? NotProse(string text, int minWords)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < minWords)
        {
            return "its stem is too short to stand on its own";
        }

        if (Caption().IsMatch(text) || Label().IsMatch(text))
        {
            return "its stem is a caption or label";
        }

        if (Reference().IsMatch(text))
        {
            return "its stem is a reference or citation";
        }

        if (Code().IsMatch(text))
        {
            return "its stem is code";
        }

        if (Broken().IsMatch(text) || words.Count(w => w.Any(char.IsLetter)) < words.Length * 0.6
            || text.Count(c => c == '(') != text.Count(c => c == ')') || text.Count(c => c == '"') % 2 != 0 || char.IsLower(text[0]))
        {
            return "its stem is not clean prose";
        }

        return null;
    }

    private static string? Dangling(string text) =>
        DanglingStart().IsMatch(text) || BackReference().IsMatch(text) || FirstPersonUs().IsMatch(text)
            ? "its stem refers to text it does not quote"
            : null;

    [GeneratedRegex(@"^\s*(?:Table|Figure|Fig\.|Algorithm|Listing|Equation|Eq\.|Appendix|Section|Chapter)\s*[0-9IVX]")]
    private static partial Regex Caption();

    /// <summary>"Offline experiments or an in-process index: FAISS." — a label and its value, not a statement.</summary>
    [GeneratedRegex(@":\s*\S+(?:\s+\S+){0,2}\s*[.?!]?$")]
    private static partial Regex Label();

    [GeneratedRegex(@"\bet al\b|\barXiv\b|\bdoi\b|\bIn Proceedings\b|\bProc\.|\bpp\.\s*\d|https?://|www\.|\S@\S|\bCorrespondence\b|\[\d+(?:[,–-]\s*\d+)*\]", RegexOptions.IgnoreCase)]
    private static partial Regex Reference();

    [GeneratedRegex(@"[`{}=;$\\|#~^<>]|\w\(\)|\b[A-Za-z]+_[A-Za-z0-9_]+\b|::|->|=>")]
    private static partial Regex Code();

    /// <summary>PDF hyphenation left apart ("LLaMA- 65B", "fine- tuning") or words run together ("Weuseaweightdecayof0").</summary>
    [GeneratedRegex(@"\p{L}-\s+[\p{L}\p{N}]|\p{L}{18,}")]
    private static partial Regex Broken();

    [GeneratedRegex(@"^\W*(?:it|its|this|these|that|those|they|their|them|such|he|she|his|her|we|our|both|another|others?|here|also|so|but|and|or|then|thus|therefore|hence|however|consequently|moreover|furthermore|additionally|instead|otherwise|likewise|similarly|meanwhile|nevertheless|nonetheless|accordingly|still|yet|again|examples?|better|worse|earlier|later|the (?:former|latter|other|others|same|rest|above|following|next|paper|authors?))\b", RegexOptions.IgnoreCase)]
    private static partial Regex DanglingStart();

    [GeneratedRegex(@"\b(?:therefore|thus|hence|however|consequently|moreover|furthermore|nevertheless|nonetheless|likewise|similarly|accordingly|aforementioned|former|latter|this|these|those|they|them|we|our|ours|the paper|the authors|the study|the article|as a result|in contrast|on the other hand|for this reason|in addition|as (?:mentioned|discussed|shown|described|noted|seen)|see (?:above|below)|the (?:above|following)|(?:Table|Figure|Fig\.|Section|Appendix|Equation|Eq\.)\s*\d)\b", RegexOptions.IgnoreCase)]
    private static partial Regex BackReference();

    /// <summary>"us" in lower case only: "US" is a country.</summary>
    [GeneratedRegex(@"\bus\b")]
    private static partial Regex FirstPersonUs();

    /// <summary>"Which of these is…" in a question's own wording refers to its options, not to earlier text.</summary>
    [GeneratedRegex(@"\bwhich of (?:these|the following)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WhichOfThese();
}
