using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace StudyBot.Core.Telemetry;

/// <summary>The question path: retrieval and answer latency, rate-limited messages and 👍/👎 feedback.</summary>
public static class AnswerTelemetry
{
    private static readonly Histogram<double> RetrievalDuration = StudyBotTelemetry.Meter.CreateHistogram<double>(
        "studybot.retrieval.duration", "s", "Duration of one hybrid search of the knowledge base.");

    private static readonly Histogram<double> AnswerDuration = StudyBotTelemetry.Meter.CreateHistogram<double>(
        "studybot.answer.duration", "s", "Time from a question to its answer, by channel and whether the knowledge base had one.");

    private static readonly Counter<long> Feedback = StudyBotTelemetry.Meter.CreateCounter<long>(
        "studybot.feedback", "{vote}", "👍/👎 votes on answers, by channel, helpful (true/false) and prompt version.");

    private static readonly Counter<long> RateLimited = StudyBotTelemetry.Meter.CreateCounter<long>(
        "studybot.rate_limited", "{message}", "Messages turned away by the per-user or per-channel rate limit.");

    public static Activity? StartRetrieval(int top)
    {
        var activity = StudyBotTelemetry.ActivitySource.StartActivity("studybot.retrieve");
        activity?.SetTag("studybot.top", top);
        return activity;
    }

    public static void RecordRetrieval(double seconds, int results, Activity? activity)
    {
        RetrievalDuration.Record(seconds);
        activity?.SetTag("studybot.results", results);
    }

    /// <summary>Starts the span of one chat message (a question or a command).</summary>
    public static Activity? StartMessage(string channel, string command)
    {
        var activity = StudyBotTelemetry.ActivitySource.StartActivity("studybot.message");
        activity?.SetTag(TelemetryTags.Channel, channel);
        activity?.SetTag(TelemetryTags.Command, command);
        return activity;
    }

    public static void RecordAnswer(string channel, bool found, double seconds, Activity? activity)
    {
        AnswerDuration.Record(seconds, new(TelemetryTags.Channel, channel), new(TelemetryTags.Found, found));
        activity?.SetTag(TelemetryTags.Found, found);
    }

    /// <param name="promptVersion">The answer's prompt version; null for answers given without a prompt.</param>
    public static void RecordFeedback(string channel, bool helpful, string? promptVersion) => Feedback.Add(
        1, new(TelemetryTags.Channel, channel), new(TelemetryTags.Helpful, helpful), new(TelemetryTags.PromptVersion, promptVersion ?? "none"));

    /// <param name="limit">"user" or "channel".</param>
    public static void RecordRateLimited(string channel, string limit) =>
        RateLimited.Add(1, new(TelemetryTags.Channel, channel), new(TelemetryTags.Limit, limit));
}
