using StudyBot.Core.Ingestion;
using StudyBot.Core.Conversations;
using StudyBot.Core.Quizzes;
using StudyBot.Core.Retrieval;

namespace StudyBot.Tests;

/// <summary>
/// One reply of every kind the engine gives, for the tests that check each surface renders them all.
/// A Core test fails while a reply type is missing here.
/// </summary>
internal static class EveryReply
{
    private static readonly Citation Source = new(1, "Fine-tuning: LoRA, QLoRA, PEFT", "knowledge", "fine-tuning.md", null, "Fine-tuning: LoRA, QLoRA, PEFT › QLoRA", "QLoRA backpropagates…");

    private static readonly QuizQuestionReply Question = new(
        "s1", 1, 2, "fine-tuning", "Which term does this describe: “a PEFT method that freezes the weights”?", ["QLoRA", "LoRA", "IA³", "NF4"], Personal: false, OpenSeconds: 60);

    private static readonly QuizResultsReply Results = new("fine-tuning", 2, QuizSessionState.Finished, [new("alice", 2, 2)], [new("alice", 5, 6)]);

    public static IReadOnlyList<Reply> Kind { get; } =
    [
        new AnswerReply("QLoRA fine-tunes a 4-bit model through low-rank adapters [1].", [Source], Found: true, AnswerId: "ans-1", ToolsCalled: ["knowledge_search"], Notice: "Checked against the sources."),
        new NoticeReply("• `ask <question>` — answer from the knowledge base"),
        new StatusReply(
            new KnowledgeStatus(3, 40,
            [
                new SourceStatus("knowledge", "Files", true, 3, 40, SourceRunState.Idle, null, DateTimeOffset.UnixEpoch, 0, 0, new IngestionCounts(3, 0, 0, 0, 1, 0.5), [new DocumentError("scan.pdf", "no text layer")]),
            ]),
            [new Core.Feedback.HelpfulRate("answer.v1", 4, 3)]),
        Question,
        new QuizFeedbackReply(true, Question.Stem, "LoRA", "LoRA", "LoRA freezes the pretrained weights.", Source, Next: Question with { Number = 2, Personal = true, OpenSeconds = null }),
        Results,
        new LeaderboardReply(Results.Leaderboard),
    ];
}
