using System.ComponentModel.DataAnnotations;

namespace StudyBot.Assistant.Quizzes;

/// <summary>StudyBot:Quiz — pacing and size of quizzes, and the prompts of model-written ones.</summary>
public sealed class QuizOptions
{
    public const string SectionName = "StudyBot:Quiz";

    /// <summary>How long a channel question stays open unless everyone taking part answered sooner.</summary>
    [Range(5, 3600)]
    public int QuestionSeconds { get; set; } = 60;

    /// <summary>A quiz nobody answers for this long closes itself.</summary>
    [Range(1, 1440)]
    public int IdleMinutes { get; set; } = 15;

    [Range(1, 50)]
    public int DefaultQuestions { get; set; } = 5;

    [Range(1, 50)]
    public int MaxQuestions { get; set; } = 20;

    /// <summary>How often the background pacer looks for questions and quizzes whose time is up.</summary>
    [Range(1, 60)]
    public int PacerSeconds { get; set; } = 2;

    /// <summary>What `quiz new` looks back over when no date is given.</summary>
    [Range(1, 365)]
    public int NewSinceDays { get; set; } = 7;

    /// <summary>Quiz prompt files (Prompts/quiz.v&lt;n&gt;.md, without .md) a chat model writes quizzes with; each conversation gets one by a hash of its id.</summary>
    public List<string> PromptVariants { get; set; } = ["quiz.v1"];
}
