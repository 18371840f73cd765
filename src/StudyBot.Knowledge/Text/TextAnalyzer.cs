namespace StudyBot.Knowledge.Text;

/// <summary>
/// Turns text into search terms: lower-cased words and numbers, stop words dropped, lightly stemmed.
/// One analyzer serves indexing, querying and answer extraction so their terms always agree.
/// </summary>
public static class TextAnalyzer
{
    public static List<string> Terms(ReadOnlySpan<char> text)
    {
        var terms = new List<string>();
        ForEachTerm(text, terms, static (t, list) => list.Add(t));
        return terms;
    }

    public static void ForEachTerm<TState>(ReadOnlySpan<char> text, TState state, Action<string, TState> onTerm)
    {
        Span<char> buffer = stackalloc char[64];
        var length = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (char.IsLetterOrDigit(c))
            {
                if (length < buffer.Length)
                {
                    buffer[length++] = char.ToLowerInvariant(c);
                }

                continue;
            }

            // Keep intra-word joiners of technical terms: "gpt-4", "top_k", "v1.5".
            if (length > 0 && IsJoiner(text, i))
            {
                if (length < buffer.Length)
                {
                    buffer[length++] = c == '.' ? '.' : '-';
                }

                continue;
            }

            if (length > 0)
            {
                Emit(buffer[..length], state, onTerm);
                length = 0;
            }
        }
    }

    private static bool IsJoiner(ReadOnlySpan<char> text, int i)
    {
        if (i + 1 >= text.Length || !char.IsLetterOrDigit(text[i + 1]))
        {
            return false;
        }

        var c = text[i];
        return c is '-' or '_' || (c == '.' && char.IsDigit(text[i - 1]) && char.IsDigit(text[i + 1]));
    }

    private static void Emit<TState>(ReadOnlySpan<char> token, TState state, Action<string, TState> onTerm)
    {
        var word = token.ToString();
        if (word.Length == 1 && !char.IsDigit(word[0]) || StopWords.Contains(word))
        {
            return;
        }

        onTerm(EnglishStemmer.Stem(word), state);
        if (word.Contains('-', StringComparison.Ordinal))
        {
            // "fine-tuning" also matches "fine tuning".
            foreach (var part in word.Split('-', StringSplitOptions.RemoveEmptyEntries))
            {
                if (part.Length > 1 && !StopWords.Contains(part))
                {
                    onTerm(EnglishStemmer.Stem(part), state);
                }
            }
        }
    }
}
