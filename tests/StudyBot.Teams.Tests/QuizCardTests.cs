using System.Text.Json.Nodes;
using StudyBot.Core.Conversations;
using StudyBot.Core.Quizzes;
using StudyBot.Teams.Rendering;
using StudyBot.Teams.Tests.Infrastructure;

namespace StudyBot.Teams.Tests;

/// <summary>Quiz cards validated against the Adaptive Card 1.5 schema of the fixtures.</summary>
public sealed class QuizCardTests
{
    private static readonly QuizQuestionReply Question = new(
        "s1", 2, 5, "fine-tuning", "Which term does this describe: “A PEFT method that freezes a pretrained weight matrix”?",
        ["QLoRA", "LoRA", "IA³", "NF4"], Personal: false, OpenSeconds: 60);

    private static readonly QuizFeedbackReply Feedback = new(
        false, Question.Stem, "QLoRA", "LoRA", "LoRA — the source says: “LoRA (Low-Rank Adaptation) is a PEFT method…”",
        new Citation(1, "Fine-tuning", "knowledge", "fine-tuning.md", null, "LoRA", "LoRA (Low-Rank Adaptation) is…"));

    private static readonly QuizResultsReply Results = new(
        "fine-tuning", 5, QuizSessionState.Finished, [new("alice", 4, 5), new("bob", 2, 5)], [new("alice", 9, 10), new("bob", 2, 5)]);

    [Fact]
    public void Question_IsValidWithOneExecuteButtonPerOptionCarryingSessionQuestionAndOption()
    {
        var card = QuizCards.Question(Question);

        CardSchema.AssertValid(card);
        var buttons = card["actions"]!.AsArray();
        Assert.Equal(["A", "B", "C", "D"], buttons.Select(b => b!["title"]!.GetValue<string>()));
        Assert.All(buttons, b => Assert.Equal(QuizAction.Answer, b!["verb"]!.GetValue<string>()));
        Assert.Equal(["s1|1|0", "s1|1|1", "s1|1|2", "s1|1|3"], buttons.Select(b => b!["data"]!["value"]!.GetValue<string>()));
        Assert.Contains("LoRA", card.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Feedback_InAChannel_IsValidWithTheVerdictAndSourceAndNoButtons()
    {
        var card = QuizCards.Feedback(Feedback, new CitationLinks("https://studybot.example.com", null));

        CardSchema.AssertValid(card);
        Assert.Null(card["actions"]);
        var text = card.ToJsonString();
        Assert.Contains("the answer is LoRA", text, StringComparison.Ordinal);
        Assert.Contains("https://studybot.example.com/api/sources/knowledge/files/fine-tuning.md", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Feedback_InAPersonalQuiz_CarriesTheNextQuestionsButtonsOrTheResults()
    {
        var withNext = QuizCards.Feedback(Feedback with { Next = Question with { Number = 3, Personal = true, OpenSeconds = null } }, new CitationLinks(null, null));
        var withResults = QuizCards.Feedback(Feedback with { Next = Results }, new CitationLinks(null, null));

        CardSchema.AssertValid(withNext);
        CardSchema.AssertValid(withResults);
        Assert.Equal("s1|2|0", withNext["actions"]![0]!["data"]!["value"]!.GetValue<string>());
        Assert.Contains("alice", withResults.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ResultsAndLeaderboard_AreValid()
    {
        CardSchema.AssertValid(QuizCards.Results(Results));
        CardSchema.AssertValid(QuizCards.Results(Results with { Scores = [], Leaderboard = [], State = QuizSessionState.TimedOut }));
        CardSchema.AssertValid(QuizCards.Leaderboard(new LeaderboardReply(Results.Leaderboard)));
        CardSchema.AssertValid(QuizCards.Leaderboard(new LeaderboardReply([])));
    }
}
