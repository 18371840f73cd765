using Microsoft.Extensions.Options;
using StudyBot.Assistant.Prompts;
using StudyBot.Core.Models;

namespace StudyBot.Assistant.Models;

/// <summary>What data annotations cannot say about StudyBot:Llm: endpoints the provider needs and prompt variants that exist.</summary>
internal sealed class LlmOptionsValidator(PromptCatalog prompts) : IValidateOptions<LlmOptions>
{
    // System prompt, tool schemas, question and a few passages.
    private const int MinPromptTokens = 1500;

    public ValidateOptionsResult Validate(string? name, LlmOptions options)
    {
        var failures = new List<string>();
        var usesModel = options.UsesChatModel || options.UsesRemoteEmbeddings;
        if (usesModel && options.Provider is "AzureOpenAI" or "OpenAICompatible" && string.IsNullOrWhiteSpace(options.Endpoint))
        {
            failures.Add($"StudyBot:Llm:Endpoint is required for the {options.Provider} provider.");
        }

        if (!string.IsNullOrWhiteSpace(options.Endpoint) && !Uri.TryCreate(options.Endpoint, UriKind.Absolute, out _))
        {
            failures.Add("StudyBot:Llm:Endpoint must be an absolute URL.");
        }

        if (options.ContextTokens - options.AnswerTokens < MinPromptTokens)
        {
            failures.Add($"StudyBot:Llm:ContextTokens must exceed StudyBot:Llm:AnswerTokens by at least {MinPromptTokens} tokens, the room the prompt needs.");
        }

        if (options.PromptVariants.Count == 0)
        {
            failures.Add("StudyBot:Llm:PromptVariants must name at least one prompt.");
        }

        // Quiz prompts (quiz.v<n>) write quizzes, not answers: StudyBot:Quiz:PromptVariants names those.
        var answerPrompts = prompts.Versions.Where(v => !v.StartsWith("quiz.", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        foreach (var unknown in options.PromptVariants.Where(v => !answerPrompts.Contains(v)))
        {
            failures.Add($"StudyBot:Llm:PromptVariants: there is no prompt '{unknown}' (known: {string.Join(", ", answerPrompts)}).");
        }

        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }
}
