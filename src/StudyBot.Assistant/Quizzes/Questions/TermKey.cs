using System.Text;
using StudyBot.Knowledge.Text;

namespace StudyBot.Assistant.Quizzes.Questions;

/// <summary>
/// The form two spellings of one term share: lower case, punctuation and hyphens as spaces, each
/// word stemmed — "APIs" and "API", "Fine-tuning" and "fine tuning" have one key.
/// </summary>
public static class TermKey
{
    public static string Of(string text) => string.Join(' ', Words(text));

    /// <summary>The stemmed, lower-cased words of a text, split at anything but letters and digits.</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text.Append(' '))
        {
            if (char.IsLetterOrDigit(c) || c is '³' or '²')
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                words.Add(Stem(word.ToString()));
                word.Clear();
            }
        }

        return words;
    }

    /// <summary>Letters and digits only, lower case, without a plural "s": "SHA-256" and "SHA256", "API" and "APIs" read the same.</summary>
    public static string Squashed(string text)
    {
        var squashed = new string(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
        return squashed.Length > 2 && squashed[^1] == 's' && squashed[^2] != 's' ? squashed[..^1] : squashed;
    }

    /// <summary>Stemmed and lower-cased; the plural of an acronym loses its "s" too ("GPUs", "LLMs").</summary>
    private static string Stem(string word) =>
        word.Length >= 3 && word[^1] == 's' && char.IsUpper(word[^2]) ? word[..^1].ToLowerInvariant() : EnglishStemmer.Stem(word.ToLowerInvariant());

    /// <summary>
    /// True when one term's words appear, in order, inside the other's ("KFP" in "KFP caching", "LLaMA" in "LLaMA-13B"),
    /// both read the same squashed, or one coined name is written inside the other ("LoRA" in "QLoRA", "BERT" in
    /// "RoBERTa"): a name made of another names a kind of it.
    /// </summary>
    public static bool Nested(string a, string b)
    {
        var (x, y) = ($" {Of(a)} ", $" {Of(b)} ");
        return x.Contains(y, StringComparison.Ordinal) || y.Contains(x, StringComparison.Ordinal) || Squashed(a) == Squashed(b)
            || NameWithin(a, b) || NameWithin(b, a);
    }

    /// <summary>The coined name <paramref name="inner"/> (two capitals or more: "LoRA", "ANN") written, case and all, inside the word <paramref name="outer"/>.</summary>
    private static bool NameWithin(string inner, string outer) =>
        inner.Length >= 3 && inner.Length < outer.Length && inner.Count(char.IsUpper) >= 2 && inner.All(char.IsLetterOrDigit)
        && outer.Contains(inner, StringComparison.Ordinal);
}
