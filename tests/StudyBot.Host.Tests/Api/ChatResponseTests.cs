using StudyBot.Assistant.Rendering;
using StudyBot.Core.Conversations;
using StudyBot.Core.Quizzes;
using StudyBot.Host.Api;
using StudyBot.Tests;

namespace StudyBot.Host.Tests.Api;

/// <summary>The web response of each reply: the shared plain text, minus what travels as fields of its own.</summary>
public sealed class ChatResponseTests
{
    private static readonly CitationLinks Links = new("https://studybot.example.com", null);

    [Fact]
    public void From_EveryReplyKind_HasItsOwnTypeAndText()
    {
        var responses = EveryReply.Kind.Select(r => ChatResponse.From(r, Links)).ToList();

        Assert.Equal(
            ["answer", "notice", "status", "quiz-question", "quiz-feedback", "quiz-results", "leaderboard"],
            responses.Select(r => r.Type));
        Assert.All(responses, r => Assert.False(string.IsNullOrWhiteSpace(r.Text)));
    }

    [Fact]
    public void From_Answer_KeepsCitationsAndNoticeAsFieldsNotInTheText()
    {
        var answer = EveryReply.Kind.OfType<AnswerReply>().Single();

        var response = ChatResponse.From(answer, Links);

        Assert.Equal(answer.Text, response.Text);
        Assert.Equal(answer.Notice, response.Notice);
        Assert.Equal("https://studybot.example.com/api/sources/knowledge/files/fine-tuning.md", Assert.Single(response.Citations).Url);
    }

    [Fact]
    public void From_FeedbackWithTheNextQuestion_SendsTheQuestionAsQuizAndTheResultsAsText()
    {
        var feedback = EveryReply.Kind.OfType<QuizFeedbackReply>().Single();
        var results = EveryReply.Kind.OfType<QuizResultsReply>().Single();

        var moving = ChatResponse.From(feedback, Links);
        var ending = ChatResponse.From(feedback with { Next = results }, Links);

        Assert.Equal(2, moving.Quiz?.Number);
        Assert.DoesNotContain("Question 2 of 2", moving.Text, StringComparison.Ordinal);
        Assert.Null(ending.Quiz);
        Assert.EndsWith(results.Render(PlainTextRenderer.Instance), ending.Text, StringComparison.Ordinal);
    }
}
