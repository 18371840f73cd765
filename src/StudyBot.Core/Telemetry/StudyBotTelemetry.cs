using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace StudyBot.Core.Telemetry;

/// <summary>
/// StudyBot's one <see cref="ActivitySource"/> and one <see cref="Meter"/>, both named "StudyBot".
/// Every project records through the small classes beside this one (<see cref="IngestionTelemetry"/>,
/// <see cref="AnswerTelemetry"/>, <see cref="ModelTelemetry"/>, <see cref="QuizTelemetry"/>); the host
/// exports them (Prometheus /metrics, OTLP). Tags carry no user text and no user ids, only bounded
/// values such as source names and channels.
/// </summary>
public static class StudyBotTelemetry
{
    public const string Name = "StudyBot";

    public static readonly ActivitySource ActivitySource = new(Name);

    public static readonly Meter Meter = new(Name);

    /// <summary>Marks a span failed with a short reason (never user text or secrets).</summary>
    public static void Fail(Activity? activity, string reason) => activity?.SetStatus(ActivityStatusCode.Error, reason);
}
