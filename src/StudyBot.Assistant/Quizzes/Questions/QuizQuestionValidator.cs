using System.Text.RegularExpressions;
using StudyBot.Core.Quizzes;
using StudyBot.Knowledge.Quizzes;

namespace StudyBot.Assistant.Quizzes.Questions;

/// <summary>
/// The checks every question passes before anyone sees it, rule-built or model-written: its answer
/// stated by the evidence sentence of the chunk it cites, no distractor stated there, and the
/// rubric (<see cref="QuizRubric"/>) against the knowledge it was made from.
/// </summary>
public static partial class QuizQuestionValidator
{
    /// <returns>Why the question is rejected, or null when it is sound.</returns>
    public static string? Problem(QuizQuestion question, string chunkText, QuizKnowledge knowledge)
    {
        if (question.CorrectOption < 0 || question.CorrectOption >= question.Options.Count)
        {
            return "its correct option is out of range";
        }

        if (QuizRubric.OptionsProblem(question.Options) is { } options)
        {
            return options;
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

        var normalized = question.Options.Select(Normalize).ToList();
        if (!ContainsPhrase(evidence, normalized[question.CorrectOption]))
        {
            return "its answer is not supported by the cited chunk";
        }

        if (normalized.Where((_, i) => i != question.CorrectOption).Any(d => ContainsPhrase(evidence, d)))
        {
            return "a distractor is also stated by the evidence";
        }

        return QuizRubric.Problem(question, knowledge);
    }

    private static bool ContainsPhrase(string text, string phrase) =>
        Regex.IsMatch(text, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(phrase)}(?![\p{{L}}\p{{N}}])", RegexOptions.CultureInvariant);

    /// <summary>Lower case, no Markdown emphasis or code marks, one space for any whitespace, straight quotes and hyphens: a quote of a sentence may differ in these only.</summary>
    private static string Normalize(string text) =>
        Whitespace().Replace(text.Replace("*", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal), " ").Trim().ToLowerInvariant()
            .Replace('’', '\'').Replace('‘', '\'').Replace('“', '"').Replace('”', '"').Replace('–', '-').Replace('—', '-');

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
