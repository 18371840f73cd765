using System.Globalization;
using Xunit.Abstractions;

namespace StudyBot.Eval.Tests;

/// <summary>
/// The product-path gate: answers through POST /api/ask at default settings must keep their
/// first-citation hit@1 within the baseline's tolerance, refuse no more answerable questions and
/// decline no fewer unanswerable ones. After a deliberate improvement, raise the baseline.
/// </summary>
public sealed class ProductRegressionTests(ProductSlice slice, ITestOutputHelper output) : IClassFixture<ProductSlice>
{
    [Fact]
    public void Ask_AragogSlice_StaysWithinToleranceOfTheBaseline()
    {
        var actual = slice.Report;
        var expected = slice.Baseline.Product;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"first-citation hit@1 {actual.FirstCitationHitAt1:0.000} (baseline {expected.FirstCitationHitAt1:0.000}), answerable refused {actual.AnswerableRefused} of {actual.Answerable.Count} (baseline {expected.AnswerableRefused}), unanswerable declined {actual.UnanswerableDeclined} of {actual.Unanswerable.Count} (baseline {expected.UnanswerableDeclined}), key-fact recall {actual.KeyFactRecall:0.000}"));

        Assert.Equal((37, 9), (actual.Answerable.Count, actual.Unanswerable.Count));
        Assert.True(actual.FirstCitationHitAt1 >= expected.FirstCitationHitAt1 - slice.Baseline.Tolerance, $"first-citation hit@1 fell to {actual.FirstCitationHitAt1:0.000} from {expected.FirstCitationHitAt1:0.000}");
        Assert.True(actual.AnswerableRefused <= expected.AnswerableRefused, $"{actual.AnswerableRefused} answerable questions refused, baseline {expected.AnswerableRefused}");
        Assert.True(actual.UnanswerableDeclined >= expected.UnanswerableDeclined, $"only {actual.UnanswerableDeclined} unanswerable questions declined, baseline {expected.UnanswerableDeclined}");
    }
}
