using System.Text.RegularExpressions;
using StudyBot.Core.Quizzes;
using StudyBot.Knowledge.Text;

namespace StudyBot.Assistant.Quizzes.Questions;

/// <summary>
/// The written rubric every question meets (README, "Quizzes"): the stem does not give the answer
/// away, stands on its own as prose, and the options are distinct terms of one kind of which only
/// the answer is true by the knowledge base.
/// </summary>
public static partial class QuizRubric
{
    private const int MaxOptionWords = 6;
    private const int MaxOptionChars = 60;
    private const int MaxWordLetters = 16;

    /// <returns>Why the question breaks the rubric, or null when it meets it.</returns>
    public static string? Problem(QuizQuestion question, QuizKnowledge knowledge)
    {
        var answer = question.CorrectText;
        return StemRules.Problem(question.Stem)
            ?? AnswerProblem(question.Stem, answer, knowledge)
            ?? OptionsProblem(question.Options)
            ?? question.Options.Where((_, i) => i != question.CorrectOption)
                .Select(d => DistractorProblem(question.Stem, answer, d, knowledge))
                .FirstOrDefault(p => p is not null);
    }

    /// <summary>The stem must not contain its answer, nor spell it out: all its words, an expansion or an acronym of it.</summary>
    public static string? AnswerProblem(string stem, string answer, QuizKnowledge knowledge)
    {
        if (Contains(stem, TermKey.Of(answer)))
        {
            return "its stem gives the answer away";
        }

        var answerTerms = TextAnalyzer.Terms(answer);
        var stemTerms = TextAnalyzer.Terms(stem).ToHashSet(StringComparer.Ordinal);
        if (answerTerms.Count > 0 && answerTerms.All(stemTerms.Contains))
        {
            return "its stem gives the answer away";
        }

        // "approximate nearest neighbour (_____)" spells ANN out; "RAG" in the stem names "Retrieval-augmented generation".
        if (knowledge.AliasesOf(answer).Any(alias => Contains(stem, alias))
            || Abbreviations.IsAcronym(answer) && Abbreviations.SpelledOut(answer, stem)
            || KeyTerms.KindOf(answer) == TermKind.Phrase && InitialsOf(answer) is { Length: >= 2 } initials && TermKey.Words(stem).Contains(initials))
        {
            return "its stem spells the answer out";
        }

        return null;
    }

    /// <summary>Four options, each a short clean term, distinct after normalisation (case, plural, punctuation), none inside another.</summary>
    public static string? OptionsProblem(IReadOnlyList<string> options)
    {
        if (options.Count != QuizQuestion.OptionCount)
        {
            return $"it has {options.Count} options instead of {QuizQuestion.OptionCount}";
        }

        if (options.FirstOrDefault(o => !IsTerm(o)) is { } odd)
        {
            return $"its option “{odd}” is not a short term";
        }

        for (var i = 0; i < options.Count; i++)
        {
            for (var j = i + 1; j < options.Count; j++)
            {
                if (TermKey.Nested(options[i], options[j]))
                {
                    return "its options are not distinct";
                }
            }
        }

        return null;
    }

    /// <summary>
    /// A distractor is of the answer's kind (a type in common, listed with it, or a kind of the same
    /// thing in the knowledge base), not in the stem, not another name or a kind of the answer, and not something
    /// the knowledge says much the same of.
    /// </summary>
    public static string? DistractorProblem(string stem, string answer, string distractor, QuizKnowledge knowledge)
    {
        if (Contains(stem, TermKey.Of(distractor)))
        {
            return $"its distractor “{distractor}” is in the stem";
        }

        if (TermKey.Nested(answer, distractor) || knowledge.Related(answer, distractor))
        {
            return $"its distractor “{distractor}” is another name or a kind of the answer";
        }

        if (!knowledge.SameKind(answer, distractor))
        {
            return $"its distractor “{distractor}” is not of the answer's kind by the knowledge base";
        }

        return knowledge.SaysOf(distractor, Claim(stem, answer), besides: null)
            ? $"the knowledge base says much the same of its distractor “{distractor}”"
            : null;
    }

    /// <summary>What the stem claims of its answer: the quoted sentence without the blank or the answer.</summary>
    private static string Claim(string stem, string answer) => StemRules.Quoted(stem).Replace("_____", " ", StringComparison.Ordinal).Replace(answer, " ", StringComparison.OrdinalIgnoreCase);

    private static bool IsTerm(string option)
    {
        var words = option.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is > 0 and <= MaxOptionWords
            && option.Length <= MaxOptionChars
            && !SentencePunctuation().IsMatch(option)
            && TermKey.Words(option).All(w => w.Count(char.IsLetter) <= MaxWordLetters);
    }

    private static bool Contains(string text, string key) => key.Length > 0 && $" {TermKey.Of(text)} ".Contains($" {key} ", StringComparison.Ordinal);

    /// <summary>"Retrieval-augmented generation" → "rag": what an acronym of the phrase would read.</summary>
    private static string InitialsOf(string phrase) =>
        new(phrase.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Where(w => !StopWords.Contains(w.ToLowerInvariant())).Select(w => char.ToLowerInvariant(w[0])).ToArray());

    /// <summary>Marks of a sentence, not of a term (a decimal point is fine: "v1.5").</summary>
    [GeneratedRegex(@"[;?!:“”""]|\.(?!\d)")]
    private static partial Regex SentencePunctuation();
}
