using StudyBot.Core.Conversations;
using StudyBot.Core.Quizzes;
using StudyBot.Assistant.Quizzes;
using StudyBot.Knowledge.Quizzes;

namespace StudyBot.Assistant.Tests.Quizzes;

public sealed class QuizQuestionValidatorTests
{
    private const string Chunk =
        "LoRA (Low-Rank Adaptation) is a PEFT method that freezes a pretrained weight matrix and learns its update as the product of two small low-rank matrices. It was introduced by Hu et al. (2021).";

    private const string Evidence =
        "LoRA (Low-Rank Adaptation) is a PEFT method that freezes a pretrained weight matrix and learns its update as the product of two small low-rank matrices.";

    private static readonly QuizQuestion Sound = new(
        "q1", "c1", ChunkContentHash.Of(Chunk), "Fine-tuning", "Which term does this describe: “A PEFT method that freezes a pretrained weight matrix”?",
        ["QLoRA", "LoRA", "IA³", "NF4"], 1, Evidence, "LoRA — the source says so.", new Citation(1, "Fine-tuning", "knowledge", "ft.md", null, "", Evidence));

    [Fact]
    public void Problem_SoundQuestion_IsNull() => Assert.Null(QuizQuestionValidator.Problem(Sound, Chunk));

    public static TheoryData<string, QuizQuestion> Broken => new()
    {
        { "answer not in its chunk", Sound with { Options = ["QLoRA", "DoRA", "IA³", "NF4"] } },
        { "evidence not in its chunk", Sound with { Evidence = "LoRA is a quantization format." } },
        { "options not distinct", Sound with { Options = ["QLoRA", "LoRA", "lora ", "NF4"] } },
        { "three options", Sound with { Options = ["QLoRA", "LoRA", "NF4"] } },
        { "correct option out of range", Sound with { CorrectOption = 4 } },
        { "stem gives the answer away", Sound with { Stem = "What does LoRA stand for, the PEFT method that freezes weights?" } },
        { "a distractor is also right", Sound with { Options = ["QLoRA", "LoRA", "PEFT", "NF4"] } },
        { "chunk changed", Sound with { ContentHash = ChunkContentHash.Of("older text") } },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Problem_BrokenQuestion_IsRejected(string why, QuizQuestion question) =>
        Assert.True(QuizQuestionValidator.Problem(question, Chunk) is not null, why);
}
