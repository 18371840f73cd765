using System.Globalization;
using StudyBot.Eval.Retrieval;
using Xunit.Abstractions;

namespace StudyBot.Eval.Tests;

/// <summary>
/// The regression gate: the offline defaults must keep hit@1 and MRR@10 on a slice of ARAGOG within
/// the baseline's tolerance. After a deliberate improvement, raise the baseline to the printed figures.
/// </summary>
public sealed class RetrievalRegressionTests(AragogSlice slice, ITestOutputHelper output) : IClassFixture<AragogSlice>
{
    [Theory]
    [InlineData("lexical")]
    [InlineData("dense")]
    [InlineData("hybrid")]
    public void Retrieval_AragogSlice_StaysWithinToleranceOfTheBaseline(string mode)
    {
        var actual = slice.Report[Enum.Parse<RetrievalMode>(mode, ignoreCase: true)];
        var expected = slice.Baseline.Modes[mode];
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{mode}: hit@1 {actual.HitAt1:0.000} (baseline {expected.HitAt1:0.000}), MRR@10 {actual.Mrr:0.000} (baseline {expected.Mrr:0.000})"));

        Assert.True(actual.HitAt1 >= expected.HitAt1 - slice.Baseline.Tolerance, $"{mode} hit@1 fell to {actual.HitAt1:0.000} from {expected.HitAt1:0.000}");
        Assert.True(actual.Mrr >= expected.Mrr - slice.Baseline.Tolerance, $"{mode} MRR@10 fell to {actual.Mrr:0.000} from {expected.Mrr:0.000}");
    }

    [Fact]
    public void Answerer_AragogSlice_RefusesNoFewerUnanswerableAndNoMoreLabelledQuestions()
    {
        var actual = slice.Report.Abstention;
        var expected = slice.Baseline.NotInKnowledgeBase;
        output.WriteLine($"not in the knowledge base: {actual.Refused} of {actual.Unanswerable} unanswerable, {actual.WronglyRefused} of {actual.Labelled} labelled");

        Assert.True(actual.Refused >= expected.Refused, $"only {actual.Refused} unanswerable questions refused, baseline {expected.Refused}");
        Assert.True(actual.WronglyRefused <= expected.WronglyRefused, $"{actual.WronglyRefused} labelled questions refused, baseline {expected.WronglyRefused}");
    }

    [Fact]
    public void Slice_IsTheBaselinesDocumentsWithTheirQuestions()
    {
        Assert.Equal(slice.Baseline.Documents.Count, slice.Report.Documents);
        Assert.Equal(37, slice.Report[RetrievalMode.Hybrid].Queries);
        Assert.Equal(9, slice.Report.Abstention.Unanswerable);
    }
}
