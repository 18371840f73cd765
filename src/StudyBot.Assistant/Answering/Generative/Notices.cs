namespace StudyBot.Assistant.Answering.Generative;

/// <summary>The short notes shown with an answer when the model's answer was changed or replaced.</summary>
internal static class Notices
{
    private const string Quoted = "so this answer quotes the knowledge base directly.";

    public const string Injection = "Your question contains instructions aimed at the bot, so it was answered without the language model; " + Quoted;

    public const string ModelFailed = "The language model is unavailable right now, " + Quoted;

    public const string RoundsExhausted = "The language model kept searching without answering, " + Quoted;

    public const string Unverified = "The language model's answer was not supported by the sources it cited, " + Quoted;

    public static string Timeout(int seconds) => $"The language model did not answer within {seconds} s, " + Quoted;

    public static string Dropped(int count) => count == 1
        ? "One sentence was removed because its cited source did not support it."
        : $"{count} sentences were removed because their cited sources did not support them.";
}
