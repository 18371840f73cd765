using StudyBot.Slack.Api;

namespace StudyBot.Slack.Assistant;

/// <summary>What StudyBot says when someone opens its assistant pane, and the prompts it offers there.</summary>
internal static class AssistantPrompts
{
    public const string Greeting = "Hi! Ask me anything about the team's knowledge base: I answer with the sources I used. "
        + "I search the sources of the channel you have open beside me.";

    public const string Title = "Try one of these";

    /// <summary>Slack shows up to four; each sends its message as the person's own when chosen.</summary>
    public static readonly IReadOnlyList<SuggestedPrompt> Suggested =
    [
        new("Ask about …", "help"),
        new("Quiz me on …", "quiz"),
        new("What changed this week?", "What changed this week?"),
    ];

    /// <summary>A thread's title: the first question, cut at a word near 80 characters.</summary>
    public static string TitleOf(string question)
    {
        const int max = 80;
        var text = question.ReplaceLineEndings(" ").Trim();
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', max - 1);
        return text[..(cut > max / 2 ? cut : max - 1)].TrimEnd() + "…";
    }
}
