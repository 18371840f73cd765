using StudyBot.Assistant.Rendering;
using StudyBot.Core.Conversations;
using StudyBot.Core.Quizzes;
using StudyBot.Tests;

namespace StudyBot.Assistant.Tests.Rendering;

public sealed class PlainTextRendererTests
{
    private static string Plain(Reply reply) => reply.Render(PlainTextRenderer.Instance);

    [Fact]
    public void Render_EveryReplyKind_IsReadableTextNotATypeDump()
    {
        Assert.All(EveryReply.Kind, reply =>
        {
            var text = Plain(reply);
            Assert.False(string.IsNullOrWhiteSpace(text));
            Assert.DoesNotContain(reply.GetType().Name, text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Render_Answer_GivesTheNoticeTheTextAndNumberedSources()
    {
        var answer = EveryReply.Kind.OfType<AnswerReply>().Single();

        Assert.Equal(
            "Note: Checked against the sources.\n\nQLoRA fine-tunes a 4-bit model through low-rank adapters [1].\n\nSources:\n  [1] Fine-tuning: LoRA, QLoRA, PEFT · QLoRA — knowledge/fine-tuning.md",
            Plain(answer).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Render_Status_NamesEachSourceWithItsLastRunAndUnreadableFiles()
    {
        var text = Plain(EveryReply.Kind.OfType<StatusReply>().Single());

        Assert.Equal(
            "Knowledge base: 3 documents, 40 chunks\n• knowledge (Files): 3 documents, 40 chunks, idle; last run +3 ~0 -0 in 0.5 s, finished 1970-01-01 00:00 UTC\n    ⚠ scan.pdf: no text layer\nHelpful answers: answer.v1 3 of 4 (75%)",
            text);
    }

    [Fact]
    public void Render_FeedbackOfAPersonalQuiz_IsFollowedByTheNextQuestion()
    {
        var text = Plain(EveryReply.Kind.OfType<QuizFeedbackReply>().Single());

        Assert.StartsWith("✅ Correct — LoRA.", text, StringComparison.Ordinal);
        Assert.Contains("\n\nQuestion 2 of 2 · fine-tuning\n", text, StringComparison.Ordinal);
        Assert.EndsWith("D) NF4", text, StringComparison.Ordinal);
    }
}
