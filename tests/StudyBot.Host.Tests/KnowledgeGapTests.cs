using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Core.Quizzes;

namespace StudyBot.Host.Tests;

public sealed class KnowledgeGapTests : RunningHostTests
{
    private async Task<JsonElement> ChatAsync(string text, string user)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/chat") { Content = JsonContent.Create(new { text }) };
        request.Headers.Add("X-StudyBot-User", user);
        return await (await Client.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Takes a one-question playground quiz and picks a wrong option; returns the question.</summary>
    private async Task<QuizQuestion> MissAQuizQuestionAsync(string topic)
    {
        var quiz = (await (await Client.PostAsJsonAsync("/api/chat", new { text = $"quiz {topic} 1", conversationId = "gap-quiz" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("quiz");
        var store = Host.Services.GetRequiredService<IQuizStore>();
        var session = await store.GetSessionAsync(quiz.GetProperty("sessionId").GetString()!, CancellationToken.None);
        var question = Assert.Single(await store.GetQuestionsAsync([session!.QuestionIds[0]], CancellationToken.None));
        var answer = await Client.PostAsJsonAsync("/api/quiz/answer", new
        {
            sessionId = session.Id,
            question = 0,
            option = (question.CorrectOption + 1) % question.Options.Count,
            conversationId = "gap-quiz",
        });
        Assert.False((await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("found").GetBoolean());
        return question;
    }

    private async Task ThumbsDownAsync(JsonElement answer, string user, string? reason = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/feedback")
        {
            Content = JsonContent.Create(new { answerId = answer.GetProperty("answerId").GetString(), helpful = false, reason }),
        };
        request.Headers.Add("X-StudyBot-User", user);
        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Report_GroupsUnansweredQuestionsAndBadAnswersByPage()
    {
        await ChatAsync("Who won the 1998 football world cup?", "ann");
        await ChatAsync("who won the 1998  football World Cup", "bob");
        await ChatAsync("What is the capital of Peru?", "ann");
        var qlora = await ChatAsync("What is QLoRA?", "ann");
        await ThumbsDownAsync(qlora, "ann", "outdated");
        await ThumbsDownAsync(qlora, "bob");
        await ThumbsDownAsync(await ChatAsync("What is HNSW?", "ann"), "ann");
        var missed = await MissAQuizQuestionAsync("vector stores");

        var report = await Admin.GetFromJsonAsync<JsonElement>("/api/admin/knowledge-gaps");

        var unanswered = report.GetProperty("unanswered").EnumerateArray().ToList();
        Assert.Equal(2, unanswered.Count);
        Assert.Equal(2, unanswered[0].GetProperty("times").GetInt32());
        Assert.Contains("1998 football", unanswered[0].GetProperty("question").GetString(), StringComparison.OrdinalIgnoreCase);
        var pages = report.GetProperty("pages").EnumerateArray().ToDictionary(p => p.GetProperty("link").GetString()!);
        var fineTuning = pages["fine-tuning.md"];
        Assert.Equal(2, fineTuning.GetProperty("signals").GetProperty("thumbs-down").GetInt32());
        Assert.Equal("What is QLoRA?", Assert.Single(fineTuning.GetProperty("examples").EnumerateArray()).GetString());
        Assert.Equal(1, Assert.Single(fineTuning.GetProperty("reasons").EnumerateObject(), r => r.Name == "outdated").Value.GetInt32());
        Assert.Empty(pages["vector-stores.md"].GetProperty("reasons").EnumerateObject());
        Assert.Matches(@"^/api/sources/knowledge/files/fine-tuning\.md\?sig=[\w-]+$", fineTuning.GetProperty("url").GetString());
        Assert.Equal(1, pages["vector-stores.md"].GetProperty("signals").GetProperty("thumbs-down").GetInt32());
        var quizPage = pages[missed.Citation.Link];
        Assert.Equal(1, quizPage.GetProperty("signals").GetProperty("quiz-miss").GetInt32());
        Assert.Contains(missed.Stem, quizPage.GetProperty("examples").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Report_WithoutTheAdminKey_Returns401AndRejectsABadDate()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Client.GetAsync("/api/admin/knowledge-gaps")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Admin.GetAsync("/api/admin/knowledge-gaps?since=last-week")).StatusCode);
    }

    [Fact]
    public async Task Page_SendsVisitorsToSignInAndBackThenShowsTheReport()
    {
        using var browser = Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var anonymous = await browser.GetAsync("/admin/knowledge-gaps");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal("/admin/login?returnUrl=%2Fadmin%2Fknowledge-gaps", anonymous.Headers.Location!.OriginalString);
        var signIn = await browser.PostAsync("/admin/login", new FormUrlEncodedContent(
            [new("key", StudyBotHost.AdminKey), new("returnUrl", "/admin/knowledge-gaps")]));
        Assert.Equal("/admin/knowledge-gaps", signIn.Headers.Location!.OriginalString);
        var page = await browser.GetAsync("/admin/knowledge-gaps");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Pages to fix", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/admin/knowledge-gaps")).StatusCode);
    }

    [Fact]
    public async Task SignIn_ReturnUrlOnAnotherSite_GoesToTheDashboardInstead()
    {
        using var browser = Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var signIn = await browser.PostAsync("/admin/login", new FormUrlEncodedContent(
            [new("key", StudyBotHost.AdminKey), new("returnUrl", "//evil.example/steal")]));

        Assert.Equal("/hangfire", signIn.Headers.Location!.OriginalString);
    }
}
