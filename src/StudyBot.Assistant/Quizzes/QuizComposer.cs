using Microsoft.Extensions.Logging;
using StudyBot.Assistant.Quizzes.Generative;
using StudyBot.Assistant.Quizzes.Questions;
using StudyBot.Core.Quizzes;
using StudyBot.Core.Retrieval;
using StudyBot.Core.Telemetry;

namespace StudyBot.Assistant.Quizzes;

/// <summary>
/// Makes a quiz: with a chat model configured, the model writes the questions first; every question,
/// written or rule-built, is validated against the chunk it cites and the knowledge of the quiz
/// (<see cref="QuizQuestionValidator"/>), then against what a search on its stem finds beyond that
/// knowledge, and the missing or rejected ones are filled with rule-built questions — from the topic's
/// chunks, then further down the ranking — until the quiz has its count or the material runs out.
/// </summary>
internal sealed partial class QuizComposer(RuleQuizGenerator rules, ModelQuizWriter writer, IKnowledgeSearch search, ILogger<QuizComposer> logger)
{
    /// <summary>Passages a search on a question's stem brings: where the knowledge base may say a distractor is true too.</summary>
    private const int CheckedPassages = 8;

    /// <summary>Passages a search on each option's name brings: where the base says what it is.</summary>
    private const int CheckedPassagesPerOption = 4;

    public async Task<ComposedQuiz> ComposeAsync(QuizBrief brief, CancellationToken cancellationToken)
    {
        var asked = brief.Chunks.Concat(brief.Further ?? []).DistinctBy(c => c.ChunkId).ToList();
        var checks = new QuizChecks(asked.Concat(brief.Related).DistinctBy(c => c.ChunkId).ToList(), asked);
        var quiz = new QuizAssembly(brief.Count, brief.Exclude);
        string? variant = null;
        if (writer.IsAvailable)
        {
            var written = await writer.WriteAsync(brief, cancellationToken);
            variant = written.PromptVersion;
            var rejected = 0;
            foreach (var question in written.Questions)
            {
                rejected += await OfferAsync(quiz, question, checks, cancellationToken) ? 0 : 1;
            }

            if (rejected > 0)
            {
                QuizTelemetry.RecordModelFallback(QuizTelemetry.Rejected, variant, rejected);
            }

            QuizTelemetry.RecordQuestions(QuizTelemetry.ModelOrigin, quiz.Count);
        }

        var fromModel = quiz.Count;
        foreach (var tier in new[] { brief.Chunks, brief.Further ?? [] })
        {
            if (quiz.IsFull)
            {
                break;
            }

            await foreach (var question in rules.ProposeAsync(tier, checks.Knowledge, cancellationToken))
            {
                await OfferAsync(quiz, question, checks, cancellationToken);
                if (quiz.IsFull)
                {
                    break;
                }
            }
        }

        var questions = quiz.Finish();
        QuizTelemetry.RecordQuestions(QuizTelemetry.RuleOrigin, questions.Count - fromModel);
        return new ComposedQuiz(questions, variant);
    }

    private async Task<bool> OfferAsync(QuizAssembly quiz, QuizQuestion question, QuizChecks checks, CancellationToken cancellationToken)
    {
        var problem = checks.Texts.TryGetValue(question.ChunkId, out var text)
            ? QuizQuestionValidator.Problem(question, text, checks.Knowledge)
            : "it cites a chunk it was not given";
        if (problem is null && await BeyondAsync(question, checks, cancellationToken) is { } wider)
        {
            problem = QuizRubric.Problem(question, wider);
        }

        if (problem is not null)
        {
            LogRejected(question.Stem, problem);
            return false;
        }

        return quiz.TryAdd(question);
    }

    /// <summary>
    /// The quiz's knowledge with what searches on the question's stem, on each option and on what each option is a kind
    /// of find beyond it (where the base may say a distractor is true too, or a kind of the answer: QLoRA is a kind of
    /// LoRA, which is a kind of PEFT), or null when they find nothing new.
    /// </summary>
    private async Task<QuizKnowledge?> BeyondAsync(QuizQuestion question, QuizChecks checks, CancellationToken cancellationToken)
    {
        var stem = $"{question.CorrectText} {StemRules.Quoted(question.Stem).Replace("_____", " ", StringComparison.Ordinal)}";
        var queries = question.Options.Select(o => (o, CheckedPassagesPerOption)).Prepend((stem, CheckedPassages)).ToList();
        QuizKnowledge? wider = null;
        for (var round = 0; round < 2; round++)
        {
            var found = new List<RetrievedChunk>();
            foreach (var (query, top) in queries.Where(q => checks.Searched.Add(q.Item1)))
            {
                found.AddRange(await search.SearchAsync(new KnowledgeQuery(query, top), cancellationToken));
            }

            wider = checks.Widen(found);
            var knowledge = wider ?? checks.Knowledge;
            queries = [.. question.Options.SelectMany(knowledge.KindsOf).Select(k => (k, CheckedPassagesPerOption))];
        }

        return wider;
    }

    [LoggerMessage(LogLevel.Debug, "Quiz question rejected because {Problem}: {Stem}")]
    private partial void LogRejected(string stem, string problem);

    /// <summary>What a quiz's questions are checked against: the texts of the chunks they may cite, and the knowledge, widened by searches.</summary>
    private sealed class QuizChecks(List<RetrievedChunk> material, List<RetrievedChunk> asked)
    {
        public Dictionary<string, string> Texts { get; } = asked.ToDictionary(c => c.ChunkId, c => c.Text, StringComparer.Ordinal);

        /// <summary>What the quiz's own material says: questions and distractors are made from it.</summary>
        public QuizKnowledge Knowledge { get; } = QuizKnowledge.From(material);

        /// <summary>Queries already searched for this quiz: options recur across its questions.</summary>
        public HashSet<string> Searched { get; } = new(StringComparer.OrdinalIgnoreCase);

        private readonly List<RetrievedChunk> _wider = [.. material];
        private QuizKnowledge? _widened;

        /// <summary>The material with every passage searches found so far; null when these add nothing to the quiz's own material.</summary>
        public QuizKnowledge? Widen(IReadOnlyList<RetrievedChunk> found)
        {
            var added = found.Where(f => _wider.All(c => c.ChunkId != f.ChunkId)).ToList();
            if (added.Count > 0)
            {
                _wider.AddRange(added);
                _widened = QuizKnowledge.From(_wider);
            }

            return _widened;
        }
    }
}
