using StudyBot.Core.Quizzes;

namespace StudyBot.Assistant.Quizzes;

/// <summary>How hard a model-written quiz should be.</summary>
public enum QuizLevel
{
    Easier,
    Standard,
    Harder,
}

/// <summary>
/// A learner's level from their spaced-repetition record: well above <see cref="QuizPlanner.TargetAccuracy"/>
/// asks harder questions, well below easier ones, so that about that share of answers are right.
/// </summary>
public static class LearnerLevel
{
    /// <summary>Fewer answers than this say too little about a learner.</summary>
    public const int MinAnswers = 5;

    private const double Margin = 0.15;

    public static QuizLevel Of(IReadOnlyCollection<LearnerItem> items)
    {
        var answered = items.Sum(i => i.TimesCorrect + i.TimesWrong);
        if (answered < MinAnswers)
        {
            return QuizLevel.Standard;
        }

        var accuracy = items.Sum(i => i.TimesCorrect) / (double)answered;
        return accuracy >= QuizPlanner.TargetAccuracy + Margin ? QuizLevel.Harder
            : accuracy <= QuizPlanner.TargetAccuracy - Margin ? QuizLevel.Easier
            : QuizLevel.Standard;
    }
}
