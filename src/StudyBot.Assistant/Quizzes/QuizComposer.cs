using Microsoft.Extensions.Logging;
using StudyBot.Assistant.Quizzes.Generative;
using StudyBot.Assistant.Quizzes.Questions;
using StudyBot.Core.Quizzes;
using StudyBot.Core.Telemetry;

namespace StudyBot.Assistant.Quizzes;

/// <summary>
/// Makes a quiz: with a chat model configured, the model writes the questions first; every question,
/// written or rule-built, is validated against the chunk it cites and the knowledge of the quiz
/// (<see cref="QuizQuestionValidator"/>), and the missing or rejected ones are filled with rule-built
/// questions until the quiz has its count or the material runs out.
/// </summary>
public sealed partial class QuizComposer(RuleQuizGenerator rules, ModelQuizWriter writer, ILogger<QuizComposer> logger)
{
    public async Task<ComposedQuiz> ComposeAsync(QuizBrief brief, CancellationToken cancellationToken)
    {
        var material = brief.Chunks.Concat(brief.Related).DistinctBy(c => c.ChunkId).ToList();
        var knowledge = QuizKnowledge.From(material);
        var texts = brief.Chunks.GroupBy(c => c.ChunkId).ToDictionary(g => g.Key, g => g.First().Text, StringComparer.Ordinal);
        var quiz = new QuizAssembly(brief.Count, brief.Exclude);
        string? variant = null;
        if (writer.IsAvailable)
        {
            var written = await writer.WriteAsync(brief, cancellationToken);
            variant = written.PromptVersion;
            var rejected = written.Questions.Count(q => !Offer(quiz, q, texts, knowledge));
            if (rejected > 0)
            {
                QuizTelemetry.RecordModelFallback(QuizTelemetry.Rejected, variant, rejected);
            }

            QuizTelemetry.RecordQuestions(QuizTelemetry.ModelOrigin, quiz.Count);
        }

        var fromModel = quiz.Count;
        if (!quiz.IsFull)
        {
            await foreach (var question in rules.ProposeAsync(brief.Chunks, knowledge, cancellationToken))
            {
                Offer(quiz, question, texts, knowledge);
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

    private bool Offer(QuizAssembly quiz, QuizQuestion question, Dictionary<string, string> texts, QuizKnowledge knowledge)
    {
        var problem = texts.TryGetValue(question.ChunkId, out var text)
            ? QuizQuestionValidator.Problem(question, text, knowledge)
            : "it cites a chunk it was not given";
        if (problem is not null)
        {
            LogRejected(question.Stem, problem);
            return false;
        }

        return quiz.TryAdd(question);
    }

    [LoggerMessage(LogLevel.Debug, "Quiz question rejected because {Problem}: {Stem}")]
    private partial void LogRejected(string stem, string problem);
}
