namespace StudyBot.Knowledge.Text;

/// <summary>
/// A light English stemmer (plural, possessive, -ing, -ed, -ly and a few derivational endings).
/// Conservative on purpose: it merges "models"/"model" and "tuning"/"tuned"/"tune" without
/// collapsing technical terms such as "lora" or "bias".
/// </summary>
public static class EnglishStemmer
{
    public static string Stem(string word)
    {
        if (word.Length <= 3 || !char.IsAsciiLetter(word[^1]))
        {
            return word;
        }

        var w = word;
        if (w.EndsWith("ies", StringComparison.Ordinal) && w.Length > 4)
        {
            w = w[..^3] + "y";
        }
        else if (w.EndsWith("sses", StringComparison.Ordinal))
        {
            w = w[..^2];
        }
        else if (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal) && !w.EndsWith("is", StringComparison.Ordinal))
        {
            w = w[..^1];
        }

        w = StripSuffix(w, "ing", 3) ?? StripSuffix(w, "ed", 3) ?? StripSuffix(w, "ly", 4) ?? w;
        w = StripSuffix(w, "ation", 3) ?? StripSuffix(w, "ness", 3) ?? StripSuffix(w, "ment", 4) ?? w;
        if (w.Length > 4 && w[^1] == 'e')
        {
            w = w[..^1];
        }

        return w;
    }

    private static string? StripSuffix(string word, string suffix, int minStem)
    {
        if (!word.EndsWith(suffix, StringComparison.Ordinal) || word.Length - suffix.Length < minStem)
        {
            return null;
        }

        var stem = word[..^suffix.Length];
        if (!stem.Any(IsVowel))
        {
            // "string", "spring": the ending is part of the word.
            return null;
        }

        // "running" -> "run", "stopped" -> "stop": undo a doubled final consonant.
        if (stem.Length > 3 && stem[^1] == stem[^2] && !"lsz".Contains(stem[^1], StringComparison.Ordinal) && !IsVowel(stem[^1]))
        {
            stem = stem[..^1];
        }

        return stem;
    }

    private static bool IsVowel(char c) => "aeiouy".Contains(c, StringComparison.Ordinal);
}
