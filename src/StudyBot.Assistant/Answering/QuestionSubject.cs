using System.Text.RegularExpressions;
using StudyBot.Knowledge.Text;

namespace StudyBot.Assistant.Answering;

/// <summary>
/// The name a question is about — its first word written as a name: with capitals inside
/// ("LLaMA", "GPUs", "DistilBERT"), letters and digits ("GLM-130B", "INT4"), or capitalised in the
/// middle of the sentence ("Australia"). An answer must come from a passage that names it too: a
/// passage about something else that only sounds alike ("GLM is an open bilingual LLM…" for a
/// question on GLM-130B) does not answer it.
/// </summary>
internal static partial class QuestionSubject
{
    /// <summary>The search term of the question's subject, or null when it names nothing.</summary>
    public static string? Of(string question) =>
        NameIn(question) is { } name && TextAnalyzer.Terms(name) is [var term, ..] ? term : null;

    /// <summary>The question's first word written as a name, as written ("GLM-130B", without a possessive 's).</summary>
    public static string? NameIn(string question)
    {
        var first = true;
        foreach (Match word in Word().Matches(question))
        {
            var text = Possessive().Replace(word.Value, "");
            var named = text.Skip(1).Any(char.IsUpper)
                || (text.Any(char.IsDigit) && text.Any(char.IsLetter))
                || (!first && char.IsUpper(text[0]) && text.Length > 1);
            first = SentenceEnd().IsMatch(question.AsSpan(word.Index + word.Length).ToString());
            if (named && TextAnalyzer.Terms(text).Count > 0)
            {
                return text;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="terms"/> name the subject, in the singular or the plural ("GPUs" is named by "GPU").</summary>
    public static bool IsNamedIn(string subject, IReadOnlySet<string> terms) =>
        terms.Contains(subject) || terms.Contains(subject + "s") || (subject.EndsWith('s') && terms.Contains(subject[..^1]));

    [GeneratedRegex(@"[\p{L}\p{N}](?:[\p{L}\p{N}'’_.\-]*[\p{L}\p{N}])?")]
    private static partial Regex Word();

    [GeneratedRegex(@"['’]s$")]
    private static partial Regex Possessive();

    [GeneratedRegex(@"^\s*[.!?;:]")]
    private static partial Regex SentenceEnd();
}
