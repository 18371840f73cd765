using StudyBot.Assistant.Quizzes.Questions;
using StudyBot.Core.Quizzes;

namespace StudyBot.Assistant.Quizzes;

/// <summary>
/// The rules of a quiz as a whole: no question twice (nor one excluded), no two questions with the same four options,
/// and an answer asked a second time only when the material has nothing else to ask.
/// </summary>
internal sealed class QuizAssembly(int count, IReadOnlySet<string>? exclude)
{
    private readonly List<QuizQuestion> _accepted = [];
    private readonly List<QuizQuestion> _repeats = [];

    public int Count => _accepted.Count;

    public bool IsFull => _accepted.Count >= count;

    /// <returns>False when the question repeats one already in the quiz.</returns>
    public bool TryAdd(QuizQuestion question)
    {
        var options = OptionSet(question);
        if (exclude?.Contains(question.Id) == true || _accepted.Concat(_repeats).Any(a => a.Id == question.Id || OptionSet(a).SetEquals(options)))
        {
            return false;
        }

        (_accepted.Any(a => TermKey.Of(a.CorrectText) == TermKey.Of(question.CorrectText)) ? _repeats : _accepted).Add(question);
        return true;
    }

    /// <summary>The quiz: the questions with answers of their own, then as many repeated answers as it still needs.</summary>
    public IReadOnlyList<QuizQuestion> Finish() => [.. _accepted, .. _repeats.Take(Math.Max(0, count - _accepted.Count))];

    private static HashSet<string> OptionSet(QuizQuestion question) => question.Options.Select(TermKey.Of).ToHashSet(StringComparer.Ordinal);
}
