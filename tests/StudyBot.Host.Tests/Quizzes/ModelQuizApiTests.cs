using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Assistant.Tests.Fakes;
using StudyBot.Assistant.Tests.Quizzes;
using StudyBot.Core.Quizzes;

namespace StudyBot.Host.Tests.Quizzes;

/// <summary>The playground's quiz with a chat model configured: a fake OpenAI-compatible server on loopback writes it.</summary>
public sealed class ModelQuizApiTests : IAsyncLifetime
{
    private ChatModelHost _env = null!;

    public async Task InitializeAsync() => _env = await ChatModelHost.StartAsync();

    public async Task DisposeAsync() => await _env.DisposeAsync();

    [Fact]
    public async Task PlaygroundQuiz_WithAChatModel_AsksTheModelsQuestionsExplainsThemAndRecordsThePromptVariant()
    {
        _env.Model.Answer(ModelQuizzes.Citing(ModelQuizzes.VectorStores));

        var reply = await ChatAsync("quiz vector stores 3", "tab-1");

        var quiz = reply.GetProperty("quiz");
        Assert.Equal(ModelQuizzes.VectorStores[0].Stem, quiz.GetProperty("stem").GetString());
        Assert.Equal(3, quiz.GetProperty("total").GetInt32());
        var sessionId = quiz.GetProperty("sessionId").GetString()!;
        var session = await _env.Host.Services.GetRequiredService<IQuizStore>().GetSessionAsync(sessionId, CancellationToken.None);
        Assert.Equal("quiz.v1", session!.PromptVersion);
        var question = (await _env.Host.Services.GetRequiredService<IQuizStore>().GetQuestionsAsync([session.QuestionIds[0]], CancellationToken.None)).Single();
        var feedback = await AnswerAsync(sessionId, 0, question.CorrectOption, "tab-1");
        Assert.True(feedback.GetProperty("found").GetBoolean());
        Assert.Contains(ModelQuizzes.VectorStores[0].Explanation, feedback.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("vector-stores.md", feedback.GetProperty("citations")[0].GetProperty("link").GetString());
        // The model was sent the real index's passages on the topic, and asked for the JSON schema of a quiz.
        var request = Assert.Single(_env.Model.Requests);
        Assert.Contains("HNSW (Hierarchical Navigable Small World) is a graph-based ANN index.", request.UserMessage, StringComparison.Ordinal);
        Assert.Equal("json_schema", request.Body["response_format"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task PlaygroundQuiz_ModelRepliesWithInvalidJson_StartsWithRuleBuiltQuestionsAndCountsTheFallback()
    {
        _env.Model.Answer(ModelQuizzes.Malformed);

        var reply = await ChatAsync("quiz vector stores 2", "tab-2");

        Assert.Equal("quiz-question", reply.GetProperty("type").GetString());
        Assert.DoesNotContain(ModelQuizzes.VectorStores, q => q.Stem == reply.GetProperty("quiz").GetProperty("stem").GetString());
        var metrics = await _env.Client.GetStringAsync("/metrics");
        Assert.Contains(metrics.Split('\n'), line => line.StartsWith("studybot_quiz_model_fallbacks_total{", StringComparison.Ordinal)
            && line.Contains("studybot_reason=\"invalid_json\"", StringComparison.Ordinal) && line.Contains("studybot_prompt_version=\"quiz.v1\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PlaygroundQuiz_LearnerWhoRarelyMisses_GetsTheModelAskedForHarderQuestions()
    {
        _env.Model.Answer(ModelQuizzes.Citing(ModelQuizzes.VectorStores));
        for (var round = 0; round < 2; round++)
        {
            var body = await ChatAsync("quiz vector stores 3", "tab-3");
            Assert.Contains("level is standard", _env.Model.Requests[^1].SystemPrompt, StringComparison.Ordinal);
            while (body.GetProperty("quiz") is { ValueKind: JsonValueKind.Object } quiz)
            {
                var session = await _env.Host.Services.GetRequiredService<IQuizStore>().GetSessionAsync(quiz.GetProperty("sessionId").GetString()!, CancellationToken.None);
                var index = quiz.GetProperty("question").GetInt32();
                var question = (await _env.Host.Services.GetRequiredService<IQuizStore>().GetQuestionsAsync([session!.QuestionIds[index]], CancellationToken.None)).Single();
                body = await AnswerAsync(session.Id, index, question.CorrectOption, "tab-3");
            }
        }

        await ChatAsync("quiz vector stores 3", "tab-3");

        Assert.Contains("level is harder", _env.Model.Requests[^1].SystemPrompt, StringComparison.Ordinal);
    }

    private async Task<JsonElement> ChatAsync(string text, string conversation)
    {
        var response = await _env.Client.PostAsJsonAsync("/api/chat", new { text, conversationId = conversation });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<JsonElement> AnswerAsync(string sessionId, int question, int option, string conversation)
    {
        var response = await _env.Client.PostAsJsonAsync("/api/quiz/answer", new { sessionId, question, option, conversationId = conversation });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
