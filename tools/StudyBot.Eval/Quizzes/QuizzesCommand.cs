using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Assistant.Quizzes;
using StudyBot.Assistant.Quizzes.Questions;
using StudyBot.Knowledge.Embeddings;
using StudyBot.Knowledge.Quizzes;
using StudyBot.Knowledge.Sources.Files;

namespace StudyBot.Eval.Quizzes;

/// <summary>
/// The `quizzes` command: takes a quiz on every title and section of a knowledge folder from a running
/// StudyBot (its playground API), and reports how many questions were asked for and delivered, whether a
/// short quiz said so, and the share of questions that meet the quiz rubric (<see cref="QuizRubric"/>)
/// against everything the folder says, and for each topic without a quiz why its candidates were dropped. The folder is
/// ingested here the way the host ingests it, to read its topics and knowledge; it should be the folder the host serves.
/// </summary>
internal static class QuizzesCommand
{
    public const int DefaultCount = 5;

    public static async Task<int> RunAsync(Uri host, string folder, int count, IConfiguration settings, TextWriter output, CancellationToken cancellationToken)
    {
        using var index = await EvalIndex.BuildAsync(new FilesSource("knowledge", folder), settings, cancellationToken);
        var material = index.Services.GetRequiredService<IndexQuizMaterial>();
        List<Core.Retrieval.RetrievedChunk> chunks = [.. await material.FindAsync(null, int.MaxValue, cancellationToken)];
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
        foreach (var topic in report.WithoutQuiz)
        {
            await WriteWhyNoQuizAsync(topic, material, index.Services.GetRequiredService<ChunkEmbedder>(), output, cancellationToken);
        }

        return 0;
    }

    /// <summary>
    /// Why a topic got no quiz, as far as this folder's index shows: the topic's material chosen as the planner chooses it, and
    /// the reasons the rule-built generator and the validator give for each sentence, draft and question they drop.
    /// </summary>
    private static async Task WriteWhyNoQuizAsync(string topic, IndexQuizMaterial material, ChunkEmbedder embedder, TextWriter output, CancellationToken cancellationToken)
    {
        var found = await material.FindAsync(topic, QuizPlanner.MinMaterial, cancellationToken);
        var onTopic = found.Where(c => QuizPlanner.IsAbout(c, topic)).ToList();
        var knowledge = QuizKnowledge.From(found.Concat(await material.PagesOfAsync(onTopic, QuizPlanner.MinMaterial, cancellationToken)).DistinctBy(c => c.ChunkId));
        var reasons = new DropReasons();
        var generator = new RuleQuizGenerator(embedder, reasons);
        await foreach (var question in generator.ProposeAsync(onTopic, knowledge, cancellationToken))
        {
            reasons.Add(QuizQuestionValidator.Problem(question, onTopic.First(c => c.ChunkId == question.ChunkId).Text, knowledge) ?? "(a sound question: dropped later, by the searches beyond the quiz's material)");
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"No quiz on “{topic}”: {onTopic.Count} of {found.Count} chunks found are about it; dropped:"));
        foreach (var (reason, times) in reasons.Counts.OrderByDescending(r => r.Value))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {times,4} {reason}"));
        }
    }
}
