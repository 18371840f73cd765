using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging.Abstractions;
using StudyBot.Assistant.Quizzes;
using StudyBot.Core.Quizzes;
using StudyBot.Core.Retrieval;

namespace StudyBot.Assistant.Tests.Quizzes;

public sealed class QuizComposerTests
{
    /// <summary>A generator whose first proposal names an answer its chunk never states, then the real proposals.</summary>
    private sealed class FirstProposalWrong : IQuizGenerator
    {
        public async IAsyncEnumerable<QuizQuestion> ProposeAsync(
            IReadOnlyList<RetrievedChunk> chunks, IReadOnlyList<RetrievedChunk> related, string topic, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var real = new List<QuizQuestion>();
            await foreach (var q in new RuleQuizGenerator().ProposeAsync(chunks, related, topic, cancellationToken))
            {
                real.Add(q);
            }

            yield return real[0] with { Id = "invented", Options = [.. real[0].Options.Select((o, i) => i == real[0].CorrectOption ? "DoRA" : o)] };
            foreach (var q in real)
            {
                yield return q;
            }
        }
    }

    [Fact]
    public async Task Compose_ProposalWhoseAnswerIsNotInItsChunk_IsReplacedByTheNextSoundOne()
    {
        var chunks = KnowledgeChunks.Of("fine-tuning-lora-qlora-peft.md");
        var composer = new QuizComposer(new FirstProposalWrong(), NullLogger<QuizComposer>.Instance);

        var quiz = await composer.ComposeAsync(chunks, chunks, "fine-tuning", 3, CancellationToken.None);

        Assert.Equal(3, quiz.Count);
        Assert.DoesNotContain(quiz, q => q.Id == "invented" || q.Options.Contains("DoRA"));
        Assert.All(quiz, q => Assert.Null(QuizQuestionValidator.Problem(q, chunks.Single(c => c.ChunkId == q.ChunkId).Text)));
    }
}
