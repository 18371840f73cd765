using StudyBot.Core.Conversations;

namespace StudyBot.Core.Tests;

public sealed class CitationTests
{
    [Theory]
    [InlineData("Fine-Tuning with PEFT", "Fine-Tuning with PEFT › QLoRA", "QLoRA")]
    [InlineData("Fine-Tuning with PEFT", "Fine-Tuning with PEFT › QLoRA › Memory", "QLoRA › Memory")]
    [InlineData("Deploying services", "Engineering Handbook › Onboarding › Deploying services › Rollback", "Rollback")]
    [InlineData("Fine-Tuning with PEFT", "Fine-Tuning with PEFT", null)]
    [InlineData("llama.pdf", "", null)]
    [InlineData("Rollout playbook", "Pausing", "Pausing")]
    public void Section_SaysOnlyWhatTheTitleDoesNot(string title, string headingPath, string? expected)
    {
        var citation = new Citation(1, title, "knowledge", "doc.md", null, headingPath, "…");

        Assert.Equal(expected, citation.Section);
    }
}
