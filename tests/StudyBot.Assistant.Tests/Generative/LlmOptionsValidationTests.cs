using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StudyBot.Core.Models;

namespace StudyBot.Assistant.Tests.Generative;

public sealed class LlmOptionsValidationTests
{
    [Theory]
    [InlineData("StudyBot:Llm:PromptVariants:0", "answer.v9", "there is no prompt 'answer.v9' (known: answer.v1, answer.v2)")]
    [InlineData("StudyBot:Llm:Endpoint", "", "StudyBot:Llm:Endpoint is required for the OpenAICompatible provider.")]
    [InlineData("StudyBot:Llm:ContextTokens", "2048", "StudyBot:Llm:ContextTokens must exceed StudyBot:Llm:AnswerTokens by at least 1500 tokens")]
    public void LlmOptions_BadSetting_FailsNamingTheKey(string key, string value, string message)
    {
        using var bed = new GenerativeTestBed("http://127.0.0.1:9", new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => bed.Services.GetRequiredService<IOptions<LlmOptions>>().Value);

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
