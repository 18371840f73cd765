using Microsoft.Extensions.Options;
using StudyBot.Assistant.Prompts;

namespace StudyBot.Assistant.Quizzes;

/// <summary>StudyBot:Quiz:PromptVariants must name quiz prompt files that exist.</summary>
internal sealed class QuizOptionsValidator(PromptCatalog prompts) : IValidateOptions<QuizOptions>
{
    private const string Prefix = "quiz.";

    public ValidateOptionsResult Validate(string? name, QuizOptions options)
    {
        if (options.PromptVariants.Count == 0)
        {
            return ValidateOptionsResult.Fail("StudyBot:Quiz:PromptVariants must name at least one prompt.");
        }

        var known = prompts.Versions.Where(v => v.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var failures = options.PromptVariants.Where(v => !known.Contains(v))
            .Select(v => $"StudyBot:Quiz:PromptVariants: there is no quiz prompt '{v}' (known: {string.Join(", ", known)}).")
            .ToList();
        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }
}
