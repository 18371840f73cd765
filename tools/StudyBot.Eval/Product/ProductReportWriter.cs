using System.Globalization;

namespace StudyBot.Eval.Product;

/// <summary>Prints a product-path report as Markdown, ready to paste into the README.</summary>
internal static class ProductReportWriter
{
    public static void Write(ProductReport report, TextWriter output, bool misses)
    {
        var answerable = report.Answerable.Count;
        output.WriteLine(F($"Queries: {report.Selection.ToString().ToLowerInvariant()} ({answerable} answerable, {report.Unanswerable.Count} with no answer in the corpus), through POST /api/ask"));
        output.WriteLine(report.Embedding is { } embedding
            ? F($"Index: {report.Documents} .txt files, {report.Chunks} chunks; indexed after {report.Ingestion.TotalSeconds:0.0} s, every vector computed after {embedding.TotalSeconds:0.0} s")
            : F($"Index: {report.Documents} .txt files, {report.Chunks} chunks; indexed after {report.Ingestion.TotalSeconds:0.0} s; asked while vectors were computed: {report.EmbeddedWhileAsking.First} of {report.Chunks} chunks embedded at the first question, {report.EmbeddedWhileAsking.Last} after the last"));
        output.WriteLine();
        output.WriteLine("| first-citation hit@1 | answerable refused | unanswerable declined | key-fact recall | answers with ≥ half the key facts | /api/ask p50 | p95 |");
        output.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        output.WriteLine(F($"| {report.FirstCitationHitAt1:0.000} | {report.AnswerableRefused} of {answerable} | {report.UnanswerableDeclined} of {report.Unanswerable.Count} | {report.KeyFactRecall:0.000} | {report.KeyFactsContained} of {answerable} | {report.LatencyPercentile(0.5):0.0} ms | {report.LatencyPercentile(0.95):0.0} ms |"));
        if (!misses)
        {
            return;
        }

        output.WriteLine();
        foreach (var o in report.Outcomes.Where(o => o.Query.IsAnswerable ? !o.FirstCitationRelevant || !o.Found : o.Found))
        {
            var verdict = !o.Query.IsAnswerable ? "answered, not in corpus" : !o.Found ? "refused" : $"cited {o.FirstCitation}, wanted {string.Join(",", o.Query.RelevantDocuments)}";
            output.WriteLine(F($"- {o.Query.Id} ({verdict}): {o.Query.Text}\n  → {Shorten(o.Answer)}"));
        }

        output.WriteLine();
        output.WriteLine("Key facts missing (recall < 0.5) in found answers:");
        foreach (var o in report.Answerable.Where(o => o.Found && o.KeyFactRecall < 0.5))
        {
            output.WriteLine(F($"- {o.Query.Id} ({o.KeyFactRecall:0.00}): {o.Query.Text}\n  reference: {o.Query.ReferenceAnswer}\n  → {Shorten(o.Answer)}"));
        }
    }

    private static string Shorten(string text) => text.Length <= 400 ? text : text[..400] + "…";

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
