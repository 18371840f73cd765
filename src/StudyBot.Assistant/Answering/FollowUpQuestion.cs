using System.Text.RegularExpressions;
using StudyBot.Core.Conversations;
using StudyBot.Knowledge.Text;

namespace StudyBot.Assistant.Answering;

/// <summary>
/// Makes a follow-up stand alone: "Who introduced it?" after "What is QLoRA?" becomes "Who introduced
/// QLoRA?", and a short one without a pronoun ("and the memory savings?") is searched with the
/// previous question's subject. A question that already stands alone is left as it is.
/// </summary>
internal static partial class FollowUpQuestion
{
    private const int ShortQuestionWords = 8;
    private const int StandaloneTerms = 3;

    public static string Resolve(string text, IReadOnlyList<ConversationTurn>? history)
    {
        var questions = history?.Where(t => !t.FromBot).Select(t => t.Text).ToList() ?? [];
        return questions.Count == 0 ? text : Resolve(text, questions, questions.Count);
    }

    private static string Resolve(string text, List<string> questions, int before)
    {
        if (before == 0)
        {
            return text;
        }

        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        var pronoun = Pronoun().Match(text);
        var leans = words <= ShortQuestionWords && (pronoun.Success || TextAnalyzer.Terms(text).Count < StandaloneTerms);
        if (!leans)
        {
            return text;
        }

        // The previous question may itself be a follow-up: resolve it first (one level is enough in practice).
        var subject = Subject(Resolve(questions[before - 1], questions, before - 1));
        if (subject.Length == 0)
        {
            return text;
        }

        return pronoun.Success
            ? text[..pronoun.Index] + (pronoun.Value.Equals("its", StringComparison.OrdinalIgnoreCase) || pronoun.Value.Equals("their", StringComparison.OrdinalIgnoreCase) ? subject + "'s" : subject) + text[(pronoun.Index + pronoun.Length)..]
            : $"{text.TrimEnd('?', ' ')} ({subject})?";
    }

    /// <summary>What a question is about: the name it mentions ("Who introduced QLoRA?" → "QLoRA"), else its words without the question's frame ("How does reciprocal rank fusion work?" → "reciprocal rank fusion").</summary>
    private static string Subject(string question)
    {
        if (QuestionSubject.NameIn(question) is { } name)
        {
            return name;
        }

        var subject = Lead().Replace(question.Trim(), "");
        subject = Tail().Replace(subject, "");
        return subject.Trim().TrimEnd('?', '.', '!', ' ');
    }

    [GeneratedRegex(@"\b(it|its|they|them|their|this|these|those|he|she|him|her)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Pronoun();

    [GeneratedRegex(@"^(?:(?:and|so|but|then|ok|okay)[, ]+)?(?:(?:what|who|whom|which|where|when|why|how)(?:\s+(?:much|many|long|often))?\s+)?(?:(?:is|are|was|were|does|do|did|can|could|should|would|will|has|have)\s+)?(?:(?:a|an|the)\s+)?(?:(?:difference between|meaning of|purpose of|role of|idea behind)\s+)?", RegexOptions.IgnoreCase)]
    private static partial Regex Lead();

    [GeneratedRegex(@"\s+(?:work|mean|do|used for|stand for|help)\s*\?*\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Tail();
}
