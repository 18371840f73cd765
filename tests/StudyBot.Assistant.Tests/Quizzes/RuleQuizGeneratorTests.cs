using Microsoft.Extensions.Logging.Abstractions;
using StudyBot.Assistant.Quizzes.Questions;
using StudyBot.Core.Quizzes;
using StudyBot.Core.Retrieval;
using StudyBot.Knowledge.Embeddings;
using StudyBot.Tests;
using Xunit.Abstractions;

namespace StudyBot.Assistant.Tests.Quizzes;

public sealed class RuleQuizGeneratorTests(ITestOutputHelper output)
{
    public static TheoryData<string> Notes => new(NoteFiles());

    /// <summary>What every sample note says: the knowledge a quiz over the sample base is checked against.</summary>
    private static readonly QuizKnowledge SampleBase = QuizKnowledge.From(NoteFiles().SelectMany(KnowledgeChunks.Of).ToList());

    [Theory]
    [MemberData(nameof(Notes))]
    public async Task Propose_OnASampleNote_MakesOnlyQuestionsThatPassValidation(string file)
    {
        var chunks = KnowledgeChunks.Of(file);

        var questions = await ProposeAsync(chunks, SampleBase);

        foreach (var q in questions)
        {
            output.WriteLine($"{q.Stem}\n    {string.Join(" | ", q.Options.Select((o, i) => i == q.CorrectOption ? $"*{o}*" : o))}");
            Assert.Null(QuizQuestionValidator.Problem(q, chunks.Single(c => c.ChunkId == q.ChunkId).Text, SampleBase));
        }
    }

    [Fact]
    public async Task Propose_OnTheSampleBase_AsksAboutMostNotes()
    {
        var perNote = new Dictionary<string, int>();
        foreach (var file in NoteFiles())
        {
            perNote[file] = (await ProposeAsync(KnowledgeChunks.Of(file), SampleBase)).Count;
        }

        Assert.True(perNote.Values.Sum() >= 20, string.Join(", ", perNote));
        Assert.True(perNote.Count(n => n.Value >= 2) >= 6, string.Join(", ", perNote));
    }

    [Fact]
    public async Task Propose_OnLoraNotes_AsksWhichTermTheDefinitionOfLoraDescribes()
    {
        var chunks = KnowledgeChunks.Of("fine-tuning-lora-qlora-peft.md");

        var questions = await ProposeAsync(chunks, QuizKnowledge.From(chunks));

        var lora = Assert.Single(questions, q => q.Stem.Contains("freezes a pretrained weight matrix", StringComparison.Ordinal));
        Assert.Equal("LoRA", lora.CorrectText);
        Assert.DoesNotContain("LoRA", lora.Stem, StringComparison.Ordinal);
        Assert.Contains("fine-tuning-lora-qlora-peft.md", lora.Citation.Link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Propose_OnVectorStoreNotes_AsksWhichSystemATableRowDescribesAmongTheTablesSystems()
    {
        var chunks = KnowledgeChunks.Of("vector-stores.md");

        var questions = await ProposeAsync(chunks, QuizKnowledge.From(chunks));

        var row = Assert.Single(questions, q => q.Stem.StartsWith("Which system does this describe: “PostgreSQL extension — ", StringComparison.Ordinal));
        Assert.Equal("pgvector", row.CorrectText);
        Assert.All(row.Options, o => Assert.Contains(o, (string[])["Qdrant", "pgvector", "Milvus", "Weaviate", "FAISS"]));
    }

    [Fact]
    public async Task Propose_OnSafetyNotes_AsksWhichTermAJailbreaksDefinitionDescribesAmongTheTermsOtherSectionsDefine()
    {
        var chunks = KnowledgeChunks.Of("llm-safety-and-moderation.md");

        var questions = await ProposeAsync(chunks, QuizKnowledge.From(chunks));

        var jailbreak = Assert.Single(questions, q => q.Stem.Contains("An input crafted to make a model violate its own safety training", StringComparison.Ordinal));
        Assert.Equal("Jailbreak", jailbreak.CorrectText);
        Assert.All(jailbreak.Options, o => Assert.Contains(o, (string[])["Jailbreak", "Prompt injection", "Moderation classifier", "PII redaction", "Output filtering", "Red teaming"]));
    }

    [Fact]
    public async Task Propose_OnServingNotes_AsksForAQuantityAmongQuantitiesOfItsUnit()
    {
        var chunks = KnowledgeChunks.Of("model-serving-and-inference.md");

        var questions = await ProposeAsync(chunks, SampleBase);

        var quantity = Assert.Single(questions, q => q.Stem.Contains("16 bits take _____ per parameter", StringComparison.Ordinal));
        Assert.Equal("2 bytes", quantity.CorrectText);
        Assert.All(quantity.Options, o => Assert.EndsWith(" bytes", o, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Propose_SameChunkTwice_GivesTheSameQuestionIdsSoHistorySurvivesRegeneration()
    {
        var chunks = KnowledgeChunks.Of("retrieval-augmented-generation.md");
        var knowledge = QuizKnowledge.From(chunks);

        var first = await ProposeAsync(chunks, knowledge);
        var second = await ProposeAsync(chunks, knowledge);

        Assert.Equal(first.Select(q => q.Id), second.Select(q => q.Id));
        Assert.Equal(first.Count, first.Select(q => q.Id).Distinct().Count());
    }

    private static async Task<List<QuizQuestion>> ProposeAsync(IReadOnlyList<RetrievedChunk> chunks, QuizKnowledge knowledge)
    {
        using var data = new TempFolder();
        var selection = new EmbedderSelection(new HashingEmbeddingGenerator(), HashingEmbeddingGenerator.IdFor(HashingEmbeddingGenerator.DefaultDimensions), HashingEmbeddingGenerator.DefaultDimensions);
        var embedder = new ChunkEmbedder(selection, new VectorCache(Path.Combine(data.Path, "embeddings.db"), selection.Id));
        var generator = new RuleQuizGenerator(embedder, NullLogger<RuleQuizGenerator>.Instance);
        var questions = new List<QuizQuestion>();
        await foreach (var q in generator.ProposeAsync(chunks, knowledge, CancellationToken.None))
        {
            questions.Add(q);
        }

        return questions;
    }

    private static IEnumerable<string> NoteFiles() =>
        Directory.GetFiles(TestPaths.Knowledge, "*.md").Select(f => Path.GetFileName(f)).Where(f => f != "ATTRIBUTION.md");
}
