using System.Globalization;
using StudyBot.Assistant.Quizzes.Questions;

namespace StudyBot.Eval.Quizzes;

/// <summary>What the quizzes of a `quizzes` run came to: counts asked and delivered, and each question judged by the rubric.</summary>
internal sealed record QuizzesReport(
    int Topics, int Quizzes, int Asked, int Delivered, int Short, int ShortSaidSo, int Passed, IReadOnlyList<(string Topic, string Stem, string Problem)> Failures,
    IReadOnlyList<string> WithoutQuiz)
{
    public static QuizzesReport Of(IReadOnlyList<TakenQuiz> taken, int count, QuizKnowledge knowledge)
    {
        var started = taken.Where(q => q.Total > 0).ToList();
        var shortOnes = started.Where(q => q.Total < count).ToList();
        var failures = new List<(string, string, string)>();
        foreach (var quiz in started)
        {
            foreach (var question in quiz.Questions)
            {
                var problem = question.CorrectOption < 0 ? "its answer could not be read from the feedback" : QuizRubric.Problem(question, knowledge);
                if (problem is not null)
                {
                    failures.Add((quiz.Topic, question.Stem, problem));
                }
            }
        }

        var delivered = started.Sum(q => q.Questions.Count);
        return new QuizzesReport(
            taken.Count, started.Count, taken.Count * count, delivered, shortOnes.Count,
            shortOnes.Count(q => q.Notice?.Contains("I could make", StringComparison.Ordinal) == true), delivered - failures.Count, failures,
            [.. taken.Where(q => q.Total == 0).Select(q => q.Topic)]);
    }

    public double PassShare => Delivered == 0 ? 0 : (double)Passed / Delivered;

    public void Write(TextWriter output)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            Topics: {Topics} (every title and section); quizzes started: {Quizzes}; topics answered without a quiz: {Topics - Quizzes}
            Questions asked for: {Asked}; delivered: {Delivered} ({(Asked == 0 ? 0 : 100.0 * Delivered / Asked):0.0}%)
            Short quizzes: {Short}, of which said so before the first question: {ShortSaidSo}
            Questions meeting the rubric: {Passed} of {Delivered} ({100 * PassShare:0.0}%)
            Topics without a quiz: {string.Join("; ", WithoutQuiz)}
            """));
        foreach (var group in Failures.GroupBy(f => RuleOf(f.Problem)).OrderByDescending(g => g.Count()))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {group.Count(),4} {group.Key}"));
        }

        foreach (var (topic, stem, problem) in Failures)
        {
            output.WriteLine($"FAIL [{topic}] {stem} ({problem})");
        }
    }

    /// <summary>The rule a problem names, without the option it quotes.</summary>
    private static string RuleOf(string problem) => problem.Contains('“', StringComparison.Ordinal)
        ? problem[..problem.IndexOf('“', StringComparison.Ordinal)] + problem[(problem.LastIndexOf('”') + 1)..]
        : problem;
}
