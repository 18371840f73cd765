using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Assistant.Answering;
using StudyBot.Core.Conversations;
using StudyBot.Core.Retrieval;
using StudyBot.Knowledge.Text;
using StudyBot.Eval.Beir;
using StudyBot.Eval.Retrieval;

namespace StudyBot.Eval.Answers;

/// <summary>Answers every labelled question with StudyBot's answerer and has the judge grade each answer against the chunks it cites.</summary>
internal static class AnswersEvaluator
{
    public static async Task<AnswersReport> RunAsync(BeirDataset dataset, QuerySelection selection, IConfiguration settings, IChatClient judgeModel, CancellationToken cancellationToken)
    {
        var queries = dataset.Queries.Where(q => q.IsAnswerable && selection.Includes(q)).ToList();
        using var index = await EvalIndex.BuildAsync(dataset, settings, cancellationToken);
        var search = new RecordingSearch(index.Search(RetrievalMode.Hybrid));
        var answerer = new ExtractiveAnswerer(search, index.Services.GetRequiredService<IPassageScorer>());
        var judge = new FaithfulnessJudge(judgeModel);
        var stopwatch = Stopwatch.StartNew();
        var verdicts = new List<JudgeVerdict>();
        foreach (var query in queries)
        {
            var answer = await answerer.AnswerAsync(new Question(query.Text), cancellationToken);
            if (answer.Found)
            {
                var cited = answer.Citations.ToDictionary(c => c.Number, c => CitedChunk(c, search.Last));
                verdicts.Add(await judge.JudgeAsync(query.Text, answer, cited, query.ReferenceAnswer, cancellationToken));
            }
        }

        var faithfulness = verdicts.Count == 0 ? 0 : verdicts.Average(v => v.Faithfulness);
        var correctness = queries.Count == 0 ? 0 : verdicts.Count(v => v.Correct) / (double)queries.Count;
        return new AnswersReport(queries.Count, verdicts.Count, faithfulness, correctness, stopwatch.Elapsed);
    }

    /// <summary>The retrieved chunk a citation points at: same document, page and headings, and most of the quoted words.</summary>
    private static RetrievedChunk CitedChunk(Citation citation, IReadOnlyList<RetrievedChunk> retrieved)
    {
        var quoted = TextAnalyzer.Terms(citation.Snippet).ToHashSet(StringComparer.Ordinal);
        return retrieved
            .Where(c => c.Link == citation.Link && c.Page == citation.Page && string.Join(" › ", c.HeadingPath) == citation.HeadingPath)
            .MaxBy(c => TextAnalyzer.Terms(c.Text).Count(quoted.Contains))
            ?? throw new InvalidOperationException($"citation [{citation.Number}] ({citation.Link}) matches no retrieved chunk");
    }
}
