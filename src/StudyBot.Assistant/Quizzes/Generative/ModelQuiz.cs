using System.ComponentModel;

namespace StudyBot.Assistant.Quizzes.Generative;

/// <summary>The JSON a chat model returns for a quiz; its schema is sent with the request (structured output).</summary>
internal sealed class ModelQuiz
{
    [Description("The questions, as many as asked for.")]
    public List<ModelQuizQuestion>? Questions { get; set; }
}

internal sealed class ModelQuizQuestion
{
    [Description("The question: complete, readable without the passage, never containing the answer.")]
    public string? Stem { get; set; }

    [Description("Exactly four short options (a term, name or number, at most six words each), of one kind, exactly one correct.")]
    public List<string>? Options { get; set; }

    [Description("The 0-based index of the correct option.")]
    public int CorrectOption { get; set; }

    [Description("One or two sentences from the passage on why the correct option is right.")]
    public string? Explanation { get; set; }

    [Description("The id of the <source> passage the question rests on.")]
    public int SourceId { get; set; }

    [Description("The sentence of that passage, copied word for word, that states the correct option.")]
    public string? Evidence { get; set; }
}
