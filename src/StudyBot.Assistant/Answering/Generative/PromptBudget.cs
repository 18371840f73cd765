using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using StudyBot.Knowledge.Chunking;
using StudyBot.Core.Models;

namespace StudyBot.Assistant.Answering.Generative;

/// <summary>
/// Keeps the whole prompt inside StudyBot:Llm:ContextTokens: room is kept for the answer and the
/// tool schemas, thread history gets at most HistoryTokens (newest turns first), and each tool
/// result is cut to what is left.
/// </summary>
internal sealed class PromptBudget(LlmOptions options)
{
    // The two tool schemas and the per-message framing, measured on the OpenAI request with cl100k.
    private const int ToolSchemaTokens = 300;
    private const int MessageOverhead = 4;
    private static readonly TokenCounter Tokens = TokenCounter.Default;

    public int PromptTokens => options.ContextTokens - options.AnswerTokens - ToolSchemaTokens;

    /// <summary>The newest turns that fit both HistoryTokens and half of what the prompt has left, oldest first.</summary>
    public IReadOnlyList<T> FitHistory<T>(IReadOnlyList<T> turns, Func<T, string> text, int usedTokens)
    {
        var allowed = Math.Min(options.HistoryTokens, (PromptTokens - usedTokens) / 2);
        var kept = new List<T>();
        var total = 0;
        for (var i = turns.Count - 1; i >= 0; i--)
        {
            total += Tokens.Count(text(turns[i])) + MessageOverhead;
            if (total > allowed)
            {
                break;
            }

            kept.Insert(0, turns[i]);
        }

        return kept;
    }

    /// <summary>Tokens still free for tool results in <paramref name="history"/>.</summary>
    public int Remaining(ChatHistory history) => PromptTokens - Count(history);

    public static int Count(string text) => Tokens.Count(text);

    public static string Truncate(string text, int maxTokens) => maxTokens <= 0 ? "" : Tokens.Truncate(text, maxTokens);

    public static int Count(ChatHistory history)
    {
        var total = 0;
        foreach (var message in history)
        {
            total += MessageOverhead;
            foreach (var item in message.Items)
            {
                total += item switch
                {
                    TextContent text => Tokens.Count(text.Text ?? ""),
                    FunctionCallContent call => Tokens.Count(call.FunctionName) + Tokens.Count(string.Join(' ', call.Arguments?.Select(a => $"{a.Key} {a.Value}") ?? [])),
                    FunctionResultContent result => Tokens.Count(result.Result?.ToString() ?? ""),
                    _ => 0,
                };
            }
        }

        return total;
    }
}
