using System.Globalization;
using StudyBot.Eval.Beir;

namespace StudyBot.Eval.Retrieval;

/// <summary>Prints a retrieval report as Markdown, ready to paste into the README.</summary>
internal static class RetrievalReportWriter
{
    public static void Write(RetrievalReport report, TextWriter output, bool misses)
    {
        var labelled = report.Modes[0].Queries;
        output.WriteLine(F($"Queries: {report.Selection.ToString().ToLowerInvariant()} ({labelled} labelled, {report.Abstention.Unanswerable} with no answer in the corpus)"));
        output.WriteLine(F($"Index: {report.Documents} documents, {report.Chunks} chunks, ingested in {report.Ingestion.TotalSeconds:0.00} s"));
        output.WriteLine();
        output.WriteLine("| mode | hit@1 | MRR@10 | nDCG@10 | answer support@5 | search time |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var m in report.Modes)
        {
            var perQuery = m.Queries == 0 ? 0 : m.Elapsed.TotalMilliseconds / m.Queries;
            output.WriteLine(F($"| {m.Mode.ToString().ToLowerInvariant()} | {m.HitAt1:0.000} | {m.Mrr:0.000} | {m.Ndcg:0.000} | {m.SupportRecall:0.000} | {m.Elapsed.TotalSeconds:0.00} s ({perQuery:0.0} ms/query) |"));
        }

        var a = report.Abstention;
        output.WriteLine();
        output.WriteLine(F($"Not in the knowledge base: {a.Refused} of {a.Unanswerable} questions without an answer in the corpus get it; {a.WronglyRefused} of {a.Labelled} labelled questions get it wrongly (extractive answerer, {a.Elapsed.TotalSeconds:0.00} s)."));
        if (!misses)
        {
            return;
        }

        foreach (var m in report.Modes)
        {
            output.WriteLine();
            output.WriteLine(F($"{m.Mode} misses at rank 1:"));
            foreach (var o in m.Outcomes.Where(o => o.Rank != 1))
            {
                output.WriteLine(F($"  {o.Query.Id} rank {(o.Rank == 0 ? "-" : o.Rank.ToString(CultureInfo.InvariantCulture))}, top {o.TopDocument}, wanted {string.Join(",", o.Query.RelevantDocuments)}: {o.Query.Text}"));
            }
        }

        if (a.WronglyAnswered.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Answered although not in the corpus: " + string.Join(", ", a.WronglyAnswered));
        }
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
