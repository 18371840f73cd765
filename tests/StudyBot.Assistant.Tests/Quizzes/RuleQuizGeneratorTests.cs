using StudyBot.Assistant.Quizzes;
using StudyBot.Core.Quizzes;
using StudyBot.Core.Retrieval;
using StudyBot.Tests;
using Xunit.Abstractions;

namespace StudyBot.Assistant.Tests.Quizzes;

public sealed class RuleQuizGeneratorTests(ITestOutputHelper output)
{
    public static TheoryData<string> Notes => new(Directory.GetFiles(TestPaths.Knowledge, "*.md").Select(Path.GetFileName).Where(f => f != "ATTRIBUTION.md")!);

    [Theory]
    [MemberData(nameof(Notes))]
    public async Task Propose_OnASampleNote_MakesQuestionsThatPassValidationWithDistractorsOfTheSameKind(string file)
    {
        var chunks = KnowledgeChunks.Of(file);

        var questions = await ProposeAsync(chunks);

        Assert.True(questions.Count >= 2, $"only {questions.Count} questions from {file}");
        foreach (var q in questions)
        {
            output.WriteLine($"{q.Stem}\n    {string.Join(" | ", q.Options.Select((o, i) => i == q.CorrectOption ? $"*{o}*" : o))}");
            Assert.Null(QuizQuestionValidator.Problem(q, chunks.Single(c => c.ChunkId == q.ChunkId).Text));
            var kinds = q.Options.Select(KeyTerms.KindOf).Distinct();
            Assert.Single(kinds);
        }
    }

    [Fact]
    public async Task Propose_OnLoraNotes_AsksWhichTermTheDefinitionOfLoraDescribes()
    {
        var questions = await ProposeAsync(KnowledgeChunks.Of("fine-tuning-lora-qlora-peft.md"));

        var lora = Assert.Single(questions, q => q.Stem.Contains("freezes a pretrained weight matrix", StringComparison.Ordinal));
        Assert.Equal("LoRA", lora.CorrectText);
        Assert.DoesNotContain("LoRA", lora.Stem, StringComparison.Ordinal);
        Assert.Contains("fine-tuning-lora-qlora-peft.md", lora.Citation.Link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Propose_SameChunkTwice_GivesTheSameQuestionIdsSoHistorySurvivesRegeneration()
    {
        var chunks = KnowledgeChunks.Of("retrieval-augmented-generation.md");

        var first = await ProposeAsync(chunks);
        var second = await ProposeAsync(chunks);

        Assert.Equal(first.Select(q => q.Id), second.Select(q => q.Id));
        Assert.Equal(first.Count, first.Select(q => q.Id).Distinct().Count());
    }

    private static async Task<List<QuizQuestion>> ProposeAsync(IReadOnlyList<RetrievedChunk> chunks)
    {
        var questions = new List<QuizQuestion>();
        await foreach (var q in new RuleQuizGenerator().ProposeAsync(chunks, chunks, "topic", CancellationToken.None))
        {
            questions.Add(q);
        }

        return questions;
    }
}
