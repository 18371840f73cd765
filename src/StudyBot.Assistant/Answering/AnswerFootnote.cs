using StudyBot.Core.Conversations;

namespace StudyBot.Assistant.Answering;

/// <summary>The small print under a model's answer in chat: why it differs from the model's (a fallback, dropped sentences) and the tools it called.</summary>
public static class AnswerFootnote
{
    public static string? For(AnswerReply answer)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(answer.Notice))
        {
            parts.Add(answer.Notice);
        }

        if (answer.ToolsCalled is { Count: > 0 } tools)
        {
            parts.Add("Tools used: " + string.Join(", ", tools.Distinct(StringComparer.Ordinal)));
        }

        return parts.Count == 0 ? null : string.Join(" · ", parts);
    }
}
