using System.Diagnostics.Metrics;

namespace StudyBot.Core.Telemetry;

/// <summary>Quiz answers, for the quiz engine: call <see cref="RecordAnswer"/> once per scored answer.</summary>
public static class QuizTelemetry
{
    private static readonly Counter<long> Answers = StudyBotTelemetry.Meter.CreateCounter<long>(
        "studybot.quiz.answers", "{answer}", "Quiz answers, by channel and correct (true/false).");

    public static void RecordAnswer(string channel, bool correct) =>
        Answers.Add(1, new(TelemetryTags.Channel, channel), new(TelemetryTags.Correct, correct));
}
