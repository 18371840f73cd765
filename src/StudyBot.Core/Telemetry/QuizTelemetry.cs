using System.Diagnostics.Metrics;

namespace StudyBot.Core.Telemetry;

/// <summary>
/// Quizzes, for the quiz engine: <see cref="RecordAnswer"/> once per scored answer,
/// <see cref="RecordQuestions"/> for the questions a quiz starts with, and
/// <see cref="RecordModelFallback"/> whenever model-written questions are replaced by rule-built ones.
/// </summary>
public static class QuizTelemetry
{
    public const string ModelOrigin = "model";
    public const string RuleOrigin = "rule";

    /// <summary>Fallback reasons: the model's reply was not the JSON asked for, it missed the deadline, the call failed, or a question failed validation.</summary>
    public const string InvalidJson = "invalid_json";
    public const string Timeout = "timeout";
    public const string ModelError = "model_error";
    public const string Rejected = "rejected";

    private static readonly Counter<long> Answers = StudyBotTelemetry.Meter.CreateCounter<long>(
        "studybot.quiz.answers", "{answer}", "Quiz answers, by channel and correct (true/false).");

    private static readonly Counter<long> Questions = StudyBotTelemetry.Meter.CreateCounter<long>(
        "studybot.quiz.questions", "{question}", "Questions of started quizzes, by origin (model, rule).");

    private static readonly Counter<long> ModelFallbacks = StudyBotTelemetry.Meter.CreateCounter<long>(
        "studybot.quiz.model_fallbacks", "{fallback}",
        "Model-written quizzes or questions replaced by rule-built ones, by reason (invalid_json, timeout, model_error, rejected) and prompt version.");

    public static void RecordAnswer(string channel, bool correct) =>
        Answers.Add(1, new(TelemetryTags.Channel, channel), new(TelemetryTags.Correct, correct));

    public static void RecordQuestions(string origin, int count)
    {
        if (count > 0)
        {
            Questions.Add(count, new KeyValuePair<string, object?>(TelemetryTags.Origin, origin));
        }
    }

    /// <param name="count">Questions rejected, or 1 for a whole reply that failed.</param>
    public static void RecordModelFallback(string reason, string promptVersion, int count = 1) =>
        ModelFallbacks.Add(count, new(TelemetryTags.Reason, reason), new(TelemetryTags.PromptVersion, promptVersion));
}
