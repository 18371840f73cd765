using StudyBot.Assistant.Quizzes;
using StudyBot.Assistant.Quizzes.Questions;
using StudyBot.Core.Conversations;
using StudyBot.Core.Quizzes;
using StudyBot.Knowledge.Quizzes;

namespace StudyBot.Assistant.Tests.Quizzes;

/// <summary>What the validator checks beyond the rubric: the answer stated by the evidence of the chunk the question cites.</summary>
public sealed class QuizQuestionValidatorTests
{
    private static readonly IReadOnlyList<Core.Retrieval.RetrievedChunk> Note = KnowledgeChunks.Of("fine-tuning-lora-qlora-peft.md");
    private static readonly QuizKnowledge Knowledge = QuizKnowledge.From(Note);
    private static readonly string Chunk = Note.Single(c => c.Text.Contains("LoRA (Low-Rank Adaptation) is a PEFT method", StringComparison.Ordinal)).Text;

    private const string Evidence =
        "LoRA (Low-Rank Adaptation) is a PEFT method that freezes a pretrained weight matrix and learns its update as the product of two small low-rank matrices.";

    private static readonly QuizQuestion Sound = new(
        "q1", "c1", ChunkContentHash.Of(Chunk), "Fine-tuning",
        "Which term does this describe: “A PEFT method that freezes a pretrained weight matrix and learns its update as the product of two small low-rank matrices”?",
        ["Adapters", "LoRA", "IA³", "Prefix tuning"], 1, Evidence, "LoRA — the source says so.", new Citation(1, "Fine-tuning", "knowledge", "ft.md", null, "", Evidence));

    [Fact]
    public void Problem_SoundQuestion_IsNull() => Assert.Null(QuizQuestionValidator.Problem(Sound, Chunk, Knowledge));

    public static TheoryData<string, QuizQuestion> Broken => new()
    {
        { "answer not in its chunk", Sound with { Options = ["Adapters", "DoRA", "IA³", "Prefix tuning"] } },
        { "evidence not in its chunk", Sound with { Evidence = "LoRA is a quantization format." } },
        { "options not distinct", Sound with { Options = ["Adapters", "LoRA", "lora ", "Prefix tuning"] } },
        { "three options", Sound with { Options = ["Adapters", "LoRA", "IA³"] } },
        { "correct option out of range", Sound with { CorrectOption = 4 } },
        { "stem gives the answer away", Sound with { Stem = "What does LoRA stand for, the PEFT method that freezes weights?" } },
        { "a distractor is also in the evidence", Sound with { Options = ["Adapters", "LoRA", "PEFT", "Prefix tuning"] } },
        { "chunk changed", Sound with { ContentHash = ChunkContentHash.Of("older text") } },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Problem_BrokenQuestion_IsRejected(string why, QuizQuestion question) =>
        Assert.True(QuizQuestionValidator.Problem(question, Chunk, Knowledge) is not null, why);
}
