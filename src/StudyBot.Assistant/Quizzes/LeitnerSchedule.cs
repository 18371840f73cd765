using StudyBot.Core.Quizzes;

namespace StudyBot.Assistant.Quizzes;

/// <summary>
/// Leitner boxes: a miss sends a question back to box 1 (due again at once); a correct answer moves
/// it up one box, and each box waits longer before the question comes back.
/// </summary>
public static class LeitnerSchedule
{
    public const int Boxes = 5;

    private static readonly TimeSpan[] Waits =
        [TimeSpan.Zero, TimeSpan.FromDays(1), TimeSpan.FromDays(3), TimeSpan.FromDays(7), TimeSpan.FromDays(16)];

    public static LearnerItem Next(LearnerItem? item, string userId, QuizQuestion question, bool correct, DateTimeOffset now)
    {
        var box = correct ? Math.Min(Boxes, (item?.Box ?? 1) + 1) : 1;
        return new LearnerItem(
            userId, question.Id, question.Topic, box, now + Waits[box - 1],
            (item?.TimesCorrect ?? 0) + (correct ? 1 : 0), (item?.TimesWrong ?? 0) + (correct ? 0 : 1), now);
    }
}
