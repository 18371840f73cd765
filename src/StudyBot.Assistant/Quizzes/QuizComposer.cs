using Microsoft.Extensions.Logging;
using StudyBot.Core.Quizzes;
using StudyBot.Core.Retrieval;

namespace StudyBot.Assistant.Quizzes;

/// <summary>
/// Turns the generator's proposals into a quiz: each proposal is validated against the chunk it cites
/// and a rejected one is replaced by the next proposal, until the quiz has enough questions.
/// </summary>
public sealed partial class QuizComposer(IQuizGenerator generator, ILogger<QuizComposer> logger)
{
    public async Task<IReadOnlyList<QuizQuestion>> ComposeAsync(
        IReadOnlyList<RetrievedChunk> chunks, IReadOnlyList<RetrievedChunk> related, string topic, int count, CancellationToken cancellationToken)
    {
        var texts = chunks.GroupBy(c => c.ChunkId).ToDictionary(g => g.Key, g => g.First().Text, StringComparer.Ordinal);
        var accepted = new List<QuizQuestion>();
        await foreach (var question in generator.ProposeAsync(chunks, related, topic, cancellationToken))
        {
            var problem = texts.TryGetValue(question.ChunkId, out var text)
                ? QuizQuestionValidator.Problem(question, text)
                : "it cites a chunk it was not given";
            if (problem is not null)
            {
                LogRejected(question.Stem, problem);
                continue;
            }

            if (accepted.Any(a => a.Id == question.Id || (a.ChunkId == question.ChunkId && a.CorrectText == question.CorrectText)))
            {
                continue;
            }

            accepted.Add(question);
            if (accepted.Count == count)
            {
                break;
            }
        }

        return accepted;
    }

    [LoggerMessage(LogLevel.Debug, "Quiz question rejected because {Problem}: {Stem}")]
    private partial void LogRejected(string stem, string problem);
}
