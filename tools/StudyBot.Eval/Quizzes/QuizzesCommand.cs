using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Assistant.Quizzes.Questions;
using StudyBot.Knowledge.Quizzes;
using StudyBot.Knowledge.Sources.Files;

namespace StudyBot.Eval.Quizzes;

/// <summary>
/// The `quizzes` command: takes a quiz on every title and section of a knowledge folder from a running
/// StudyBot (its playground API), and reports how many questions were asked for and delivered, whether a
/// short quiz said so, and the share of questions that meet the quiz rubric (<see cref="QuizRubric"/>)
/// against everything the folder says. The folder is ingested here the way the host ingests it, to read
/// its topics and knowledge; it should be the folder the host serves.
/// </summary>
internal static class QuizzesCommand
{
    public const int DefaultCount = 5;

    public static async Task<int> RunAsync(Uri host, string folder, int count, IConfiguration settings, TextWriter output, CancellationToken cancellationToken)
    {
        List<Core.Retrieval.RetrievedChunk> chunks;
        using (var index = await EvalIndex.BuildAsync(new FilesSource("knowledge", folder), settings, cancellationToken))
        {
            chunks = [.. await index.Services.GetRequiredService<IndexQuizMaterial>().FindAsync(null, int.MaxValue, cancellationToken)];
        }

        var knowledge = QuizKnowledge.From(chunks);
        var topics = chunks.Select(c => c.Title).Concat(chunks.Where(c => c.HeadingPath.Count > 1).Select(c => c.HeadingPath[1]))
            .Where(t => t.Length > 2).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        using var client = new HttpClient { BaseAddress = host, Timeout = TimeSpan.FromMinutes(2) };
        var taker = new PlaygroundQuizTaker(client);
        var quizzes = new List<TakenQuiz>();
        for (var i = 0; i < topics.Count; i++)
        {
            quizzes.Add(await taker.TakeAsync(topics[i], count, string.Create(CultureInfo.InvariantCulture, $"quiz-eval-{i}"), cancellationToken));
        }

        var report = QuizzesReport.Of(quizzes, count, knowledge);
        report.Write(output);
        return 0;
    }
}
