using StudyBot.Assistant.Answering;
using StudyBot.Core.Conversations;

namespace StudyBot.Assistant.Tests;

public sealed class FollowUpQuestionTests
{
    private static ConversationTurn[] After(params string[] questions) =>
        questions.SelectMany(q => new[] { new ConversationTurn(false, q), new ConversationTurn(true, "An answer.") }).ToArray();

    [Theory]
    [InlineData("What is QLoRA?", "Who introduced it?", "Who introduced QLoRA?")]
    [InlineData("How does reciprocal rank fusion work?", "What value of k does it use?", "What value of k does reciprocal rank fusion use?")]
    [InlineData("What is HNSW?", "and its memory cost?", "and HNSW's memory cost?")]
    [InlineData("What is QLoRA?", "and the memory savings?", "and the memory savings (QLoRA)?")]
    public void Resolve_ShortFollowUp_TakesThePreviousQuestionsSubject(string previous, string followUp, string expected) =>
        Assert.Equal(expected, FollowUpQuestion.Resolve(followUp, After(previous)));

    [Theory]
    [InlineData("How much GPU memory does QLoRA need to fine-tune a 65B model?")]
    [InlineData("What value of k is normally used in reciprocal rank fusion?")]
    public void Resolve_QuestionThatStandsAlone_IsLeftAsItIs(string question) =>
        Assert.Equal(question, FollowUpQuestion.Resolve(question, After("What is HNSW?")));

    [Fact]
    public void Resolve_FollowUpOfAFollowUp_KeepsTheFirstSubject() =>
        Assert.Equal("When was QLoRA published?", FollowUpQuestion.Resolve("When was it published?", After("What is QLoRA?", "Who introduced it?")));

    [Fact]
    public void Resolve_NoHistory_LeavesTheQuestion() =>
        Assert.Equal("Who introduced it?", FollowUpQuestion.Resolve("Who introduced it?", null));
}
