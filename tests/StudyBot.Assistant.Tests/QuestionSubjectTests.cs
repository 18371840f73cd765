using StudyBot.Assistant.Answering;

namespace StudyBot.Assistant.Tests;

public sealed class QuestionSubjectTests
{
    [Theory]
    [InlineData("How does GLM-130B's architecture differ from GPT-style models?", "glm-130b")]
    [InlineData("Our GPUs look 100% busy even at low traffic; what should we autoscale on?", "gpus")]
    [InlineData("What is the capital of Australia?", "australia")]
    [InlineData("What rank r values are typical for LoRA?", "lora")]
    [InlineData("What value of k is normally used in reciprocal rank fusion?", null)]
    [InlineData("How many vacation days do new employees get?", null)]
    public void Of_Question_IsTheFirstWordWrittenAsAName(string question, string? subject) =>
        Assert.Equal(subject, QuestionSubject.Of(question));

    [Fact]
    public void IsNamedIn_PluralOrSingular_BothName() =>
        Assert.True(QuestionSubject.IsNamedIn("gpus", new HashSet<string> { "gpu" }) && QuestionSubject.IsNamedIn("gpu", new HashSet<string> { "gpus" }));
}
