using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace StudyBot.Core.Telemetry;

/// <summary>Ingestion runs: documents by outcome, chunks written, errors and run duration, per source.</summary>
public static class IngestionTelemetry
{
    private static readonly Counter<long> Documents = StudyBotTelemetry.Meter.CreateCounter<long>(
        "studybot.ingestion.documents", "{document}", "Documents seen by ingestion runs, by outcome (added, updated, unchanged, removed, failed).");

    private static readonly Counter<long> Chunks = StudyBotTelemetry.Meter.CreateCounter<long>(
        "studybot.ingestion.chunks", "{chunk}", "Chunks written to the index.");

    private static readonly Counter<long> Errors = StudyBotTelemetry.Meter.CreateCounter<long>(
        "studybot.ingestion.errors", "{error}", "Failed documents (outcome document) and failed runs (outcome source).");

    private static readonly Histogram<double> Duration = StudyBotTelemetry.Meter.CreateHistogram<double>(
        "studybot.ingestion.duration", "s", "Duration of one ingestion run of a source, by outcome (succeeded, failed).");

    /// <summary>Starts the span of one run of <paramref name="source"/>; null when nobody listens.</summary>
    public static Activity? StartRun(string source)
    {
        var activity = StudyBotTelemetry.ActivitySource.StartActivity("studybot.ingest");
        activity?.SetTag(TelemetryTags.Source, source);
        return activity;
    }

    public static void RecordDocuments(string source, string outcome, long count)
    {
        if (count > 0)
        {
            Documents.Add(count, Tag(TelemetryTags.Source, source), Tag(TelemetryTags.Outcome, outcome));
        }
    }

    public static void RecordChunks(string source, long count) => Chunks.Add(count, Tag(TelemetryTags.Source, source));

    public static void RecordDocumentError(string source) =>
        Errors.Add(1, Tag(TelemetryTags.Source, source), Tag(TelemetryTags.Outcome, "document"));

    /// <summary>Ends a run: its duration, and a source error when the whole run failed.</summary>
    public static void RecordRun(string source, double seconds, bool failed)
    {
        Duration.Record(seconds, Tag(TelemetryTags.Source, source), Tag(TelemetryTags.Outcome, failed ? "failed" : "succeeded"));
        if (failed)
        {
            Errors.Add(1, Tag(TelemetryTags.Source, source), Tag(TelemetryTags.Outcome, "source"));
        }
    }

    private static KeyValuePair<string, object?> Tag(string name, object? value) => new(name, value);
}
