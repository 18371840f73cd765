using Microsoft.Extensions.Configuration;
using StudyBot.Eval.Answers;
using StudyBot.Eval.Beir;
using StudyBot.Tests;

namespace StudyBot.Eval.Tests;

public sealed class AnswersModeTests
{
    private static async Task<BeirDataset> DistilBertAsync() =>
        (await BeirDataset.LoadAsync(TestPaths.Fixture("eval", "aragog", "beir"), CancellationToken.None)).Slice(["distilbert.pdf"]);

    [Fact]
    public async Task Answers_NoModelConfigured_SaysItNeedsOneAndExits2()
    {
        using var output = new StringWriter();

        var code = await AnswersCommand.RunAsync(await DistilBertAsync(), QuerySelection.All, new ConfigurationBuilder().Build(), output, CancellationToken.None);

        Assert.Equal(2, code);
        Assert.Contains("needs a judge model", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("StudyBot__Llm__ChatModel", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answers_WithAJudge_GradesEachAnswerAgainstTheTextOfItsCitedChunks()
    {
        using var judge = new StubChatClient("""Sure. {"sentences": 2, "supported": 1, "correct": true}""");

        var report = await AnswersEvaluator.RunAsync(await DistilBertAsync(), QuerySelection.All, new ConfigurationBuilder().Build(), judge, CancellationToken.None);

        Assert.Equal(8, report.Questions);
        Assert.InRange(report.Answered, 1, 8);
        Assert.Equal(report.Answered, judge.Prompts.Count);
        Assert.Equal(0.5, report.Faithfulness);
        Assert.Equal(report.Answered / 8.0, report.Correctness);
        Assert.All(judge.Prompts, p => Assert.Contains("[1] DistilBERT", p, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"sentences": 3, "supported": 3, "correct": false}""", 1.0, false)]
    [InlineData("""The grades: {"sentences": 4, "supported": 1, "correct": true} (end)""", 0.25, true)]
    public void Parse_JsonVerdict_GivesFaithfulnessAndCorrectness(string reply, double faithfulness, bool correct)
    {
        var verdict = FaithfulnessJudge.Parse(reply);

        Assert.Equal((faithfulness, correct), (verdict.Faithfulness, verdict.Correct));
    }

    [Fact]
    public void Parse_NoJson_IsAnErrorNotAGuess()
    {
        Assert.Throws<FormatException>(() => FaithfulnessJudge.Parse("All sentences are supported."));
    }
}
