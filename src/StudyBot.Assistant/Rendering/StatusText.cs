using System.Globalization;
using StudyBot.Core.Conversations;
using StudyBot.Core.Feedback;
using StudyBot.Core.Ingestion;
using StudyBot.Core.Retrieval;

namespace StudyBot.Assistant.Rendering;

/// <summary>
/// The words of a status reply, written once: the totals, a line per source (counts, state, a running
/// sync's progress, the last run) and its unreadable documents. Each surface lays them out in its markup.
/// </summary>
public static class StatusText
{
    public const string Heading = "Knowledge base";

    /// <summary>Unreadable documents listed per source; the rest are counted.</summary>
    public const int ProblemsShown = 5;

    /// <summary>"12 documents, 340 chunks".</summary>
    public static string Totals(KnowledgeStatus status) => Counts(status.Documents, status.Chunks);

    /// <summary>"knowledge (Files)".</summary>
    public static string Name(SourceStatus source) => $"{source.Name} ({source.Type})";

    /// <summary>"10 documents, 300 chunks, running (4/10, about 6 s left); last run +10 ~0 -0 in 2.5 s, finished 2026-12-01 09:00 UTC".</summary>
    public static string Summary(SourceStatus source)
    {
        var text = $"{Counts(source.Documents, source.Chunks)}, {source.State.Name()}";
        if (source.State == SourceRunState.Running && source.ProgressTotal > 0)
        {
            var left = source.EstimatedSecondsLeft is { } seconds ? string.Create(CultureInfo.InvariantCulture, $", about {Math.Ceiling(seconds)} s left") : "";
            text += string.Create(CultureInfo.InvariantCulture, $" ({source.ProgressDone}/{source.ProgressTotal}{left})");
        }

        if (source.LastRun is { } run)
        {
            text += string.Create(CultureInfo.InvariantCulture, $"; last run +{run.Added} ~{run.Updated} -{run.Removed} in {run.DurationSeconds:0.#} s");
            if (source.State != SourceRunState.Running && source.LastFinished is { } finished)
            {
                text += string.Create(CultureInfo.InvariantCulture, $", finished {finished:yyyy-MM-dd HH:mm} UTC");
            }
        }

        return text;
    }

    /// <summary>"papers/scan.pdf: no text layer", at most <see cref="ProblemsShown"/>, then "… and 2 more".</summary>
    public static IEnumerable<string> Problems(SourceStatus source)
    {
        foreach (var error in source.Errors.Take(ProblemsShown))
        {
            yield return $"{error.Document}: {error.Error}";
        }

        if (source.Errors.Count > ProblemsShown)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"… and {source.Errors.Count - ProblemsShown} more");
        }
    }

    /// <summary>"Helpful answers: v2 8 of 10 (80%)", or null without votes.</summary>
    public static string? Helpful(StatusReply reply) => reply.HelpfulRates is { } rates ? HelpfulRate.Describe(rates) : null;

    private static string Counts(int documents, int chunks) => string.Create(CultureInfo.InvariantCulture, $"{documents} documents, {chunks} chunks");
}
