using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace StudyBot.Host.Tests.Quizzes;

/// <summary>The playground's quiz calls: /api/chat starts a personal quiz, /api/quiz/answer answers and moves on.</summary>
public sealed class QuizApiTests : RunningHostTests
{
    [Fact]
    public async Task PlaygroundQuiz_AnsweredToTheEnd_GivesFeedbackWithASourceThenTheNextQuestionThenResults()
    {
        var body = await PostAsync("/api/chat", new { text = "quiz fine-tuning 2", conversationId = "tab-1" });
        Assert.Equal("quiz-question", body.GetProperty("type").GetString());

        for (var expected = 1; expected <= 2; expected++)
        {
            var quiz = body.GetProperty("quiz");
            Assert.Equal(expected, quiz.GetProperty("number").GetInt32());
            Assert.Equal(4, quiz.GetProperty("options").GetArrayLength());
            body = await PostAsync("/api/quiz/answer", new
            {
                sessionId = quiz.GetProperty("sessionId").GetString(),
                question = quiz.GetProperty("question").GetInt32(),
                option = 0,
                conversationId = "tab-1",
            });
            Assert.Equal("quiz-feedback", body.GetProperty("type").GetString());
            Assert.Equal("fine-tuning.md", body.GetProperty("citations")[0].GetProperty("link").GetString());
        }

        Assert.Equal(JsonValueKind.Null, body.GetProperty("quiz").ValueKind);
        Assert.Contains("is over", body.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuizAnswer_WithoutOption_Is400WithAReason()
    {
        var response = await Client.PostAsJsonAsync("/api/quiz/answer", new { sessionId = "x", question = 0 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("option", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<JsonElement> PostAsync(string url, object payload)
    {
        var response = await Client.PostAsJsonAsync(url, payload);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
