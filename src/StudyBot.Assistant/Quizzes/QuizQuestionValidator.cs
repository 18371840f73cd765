using System.Text.RegularExpressions;
using StudyBot.Knowledge.Text;
using StudyBot.Core.Quizzes;
using StudyBot.Knowledge.Quizzes;

namespace StudyBot.Assistant.Quizzes;

/// <summary>
/// The checks every question passes before anyone sees it: four distinct options with exactly one
/// correct, the correct option stated by the cited chunk, no distractor in the evidence, and a stem
/// that does not contain the answer.
/// </summary>
public static partial class QuizQuestionValidator
{
    public const int OptionCount = 4;

    /// <returns>Why the question is rejected, or null when it is sound.</returns>
    public static string? Problem(QuizQuestion question, string chunkText)
    {
        if (question.Options.Count != OptionCount)
        {
            return $"it has {question.Options.Count} options instead of {OptionCount}";
        }

        if (question.CorrectOption < 0 || question.CorrectOption >= question.Options.Count)
        {
            return "its correct option is out of range";
        }

        var normalized = question.Options.Select(Normalize).ToList();
        if (normalized.Any(o => o.Length == 0) || normalized.Distinct(StringComparer.Ordinal).Count() != normalized.Count)
        {
            return "its options are not distinct";
        }

        if (ChunkContentHash.Of(chunkText) != question.ContentHash)
        {
            return "its chunk changed since it was made";
        }

        var evidence = Normalize(question.Evidence);
        if (evidence.Length == 0 || !Normalize(chunkText).Contains(evidence, StringComparison.Ordinal))
        {
            return "its evidence is not in the cited chunk";
        }

        if (!ContainsPhrase(evidence, normalized[question.CorrectOption]))
        {
            return "its answer is not supported by the cited chunk";
        }

        if (normalized.Where((_, i) => i != question.CorrectOption).Any(d => ContainsPhrase(evidence, d)))
        {
            return "a distractor is also stated by the evidence";
        }

        if (GivesAway(question.Stem, question.CorrectText))
        {
            return "its stem gives the answer away";
        }

        return null;
    }

    /// <summary>True when the stem holds the answer as a phrase, or every content word of it.</summary>
    private static bool GivesAway(string stem, string answer)
    {
        if (ContainsPhrase(Normalize(stem), Normalize(answer)))
        {
            return true;
        }

        var answerTerms = TextAnalyzer.Terms(answer);
        var stemTerms = TextAnalyzer.Terms(stem).ToHashSet(StringComparer.Ordinal);
        return answerTerms.Count > 0 && answerTerms.All(stemTerms.Contains);
    }

    private static bool ContainsPhrase(string text, string phrase) =>
        Regex.IsMatch(text, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(phrase)}(?![\p{{L}}\p{{N}}])", RegexOptions.CultureInvariant);

    private static string Normalize(string text) => Whitespace().Replace(text, " ").Trim().ToLowerInvariant();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
