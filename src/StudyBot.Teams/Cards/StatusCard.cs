using System.Globalization;
using System.Text.Json.Nodes;
using StudyBot.Core.Feedback;
using StudyBot.Core.Retrieval;

namespace StudyBot.Teams.Cards;

/// <summary>What is indexed: totals, then per source its state, counts, last run and errors.</summary>
internal static class StatusCard
{
    private const int MaxErrorsShown = 5;

    public static JsonObject Render(KnowledgeStatus status, IReadOnlyList<HelpfulRate>? helpfulRates = null)
    {
        var body = new List<JsonNode>
        {
            AdaptiveCard.Text("Knowledge base status", size: "Medium", weight: "Bolder"),
            AdaptiveCard.Facts([("Documents", Number(status.Documents)), ("Chunks", Number(status.Chunks))]),
        };
        foreach (var source in status.Sources)
        {
            body.Add(AdaptiveCard.Text($"{source.Name} ({source.Type})", weight: "Bolder", separator: true));
            body.Add(AdaptiveCard.Facts(Facts(source)));
            foreach (var error in source.Errors.Take(MaxErrorsShown))
            {
                body.Add(AdaptiveCard.Text($"{error.Document}: {error.Error}", size: "Small", color: "Attention"));
            }

            if (source.Errors.Count > MaxErrorsShown)
            {
                body.Add(AdaptiveCard.Text($"…and {source.Errors.Count - MaxErrorsShown} more", size: "Small", subtle: true));
            }
        }

        if (helpfulRates is { } rates && HelpfulRate.Describe(rates) is { } helpful)
        {
            body.Add(AdaptiveCard.Text(helpful, separator: true));
        }

        var summary = $"{status.Documents} documents, {status.Chunks} chunks in {status.Sources.Count} sources";
        return AdaptiveCard.Create(summary, body);
    }

    private static IEnumerable<(string, string)> Facts(SourceStatus source)
    {
        var state = source.State == "running" && source.ProgressTotal > 0
            ? $"running ({source.ProgressDone}/{source.ProgressTotal})"
            : source.State;
        yield return ("State", state);
        yield return ("Documents", Number(source.Documents));
        yield return ("Chunks", Number(source.Chunks));
        if (source.LastFinished is { } finished)
        {
            yield return ("Last run", finished.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
        }

        if (source.LastRun is { } run)
        {
            yield return ("Changes", $"+{run.Added} added, {run.Updated} updated, {run.Removed} removed, {run.Failed} failed in {run.DurationSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s");
        }
    }

    private static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
