using StudyBot.Knowledge.Text;

namespace StudyBot.Assistant.Quizzes;

/// <summary>
/// The prose sentences of a chunk that a question can quote: plain lines of text (no tables, code,
/// headings or inline markup), long enough to say something and short enough to read in a card.
/// </summary>
internal static class KeySentences
{
    private const int MinWords = 7;
    private const int MaxWords = 45;

    public static IEnumerable<string> Of(string chunkText)
    {
        var inCode = false;
        foreach (var raw in chunkText.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inCode = !inCode;
                continue;
            }

            if (inCode || line.Length == 0 || line[0] is '#' or '|' or '>' || line.IndexOfAny(['*', '`', '|', '[', '$', '_']) >= 0)
            {
                continue;
            }

            foreach (var sentence in SentenceSplitter.Split(line))
            {
                var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
                if (words is >= MinWords and <= MaxWords && sentence.EndsWith('.') && char.IsUpper(sentence[0]))
                {
                    yield return sentence;
                }
            }
        }
    }
}
