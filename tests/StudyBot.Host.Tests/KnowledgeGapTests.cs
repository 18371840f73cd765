using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Core.Feedback;

namespace StudyBot.Host.Tests;

public sealed class KnowledgeGapTests : RunningHostTests
{
    /// <summary>Stands in for the quiz engine: one missed question about the vector-stores page.</summary>
    private sealed class QuizMisses : IKnowledgeGapSignals
    {
        public string Kind => "quiz-miss";

        public Task<IReadOnlyList<PageSignal>> GetSignalsAsync(DateTimeOffset? since, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<PageSignal>>([new PageSignal("knowledge", "vector-stores.md", "Vector stores", "Which index does Qdrant use?")]);
    }

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IKnowledgeGapSignals, QuizMisses>();

    private async Task<JsonElement> ChatAsync(string text, string user)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/chat") { Content = JsonContent.Create(new { text }) };
        request.Headers.Add("X-StudyBot-User", user);
        return await (await Client.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task ThumbsDownAsync(JsonElement answer, string user)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/feedback")
        {
            Content = JsonContent.Create(new { answerId = answer.GetProperty("answerId").GetString(), helpful = false }),
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
        await ThumbsDownAsync(qlora, "ann");
        await ThumbsDownAsync(qlora, "bob");
        await ThumbsDownAsync(await ChatAsync("What is HNSW?", "ann"), "ann");

        var report = await Admin.GetFromJsonAsync<JsonElement>("/api/admin/knowledge-gaps");

        var unanswered = report.GetProperty("unanswered").EnumerateArray().ToList();
        Assert.Equal(2, unanswered.Count);
        Assert.Equal(2, unanswered[0].GetProperty("times").GetInt32());
        Assert.Contains("1998 football", unanswered[0].GetProperty("question").GetString(), StringComparison.OrdinalIgnoreCase);
        var pages = report.GetProperty("pages").EnumerateArray().ToDictionary(p => p.GetProperty("link").GetString()!);
        var fineTuning = pages["fine-tuning.md"];
        Assert.Equal(2, fineTuning.GetProperty("signals").GetProperty("thumbs-down").GetInt32());
        Assert.Equal("What is QLoRA?", Assert.Single(fineTuning.GetProperty("examples").EnumerateArray()).GetString());
        Assert.Matches(@"^/api/sources/knowledge/files/fine-tuning\.md\?sig=[\w-]+$", fineTuning.GetProperty("url").GetString());
        var vectorStores = pages["vector-stores.md"];
        Assert.Equal(1, vectorStores.GetProperty("signals").GetProperty("thumbs-down").GetInt32());
        Assert.Equal(1, vectorStores.GetProperty("signals").GetProperty("quiz-miss").GetInt32());
        Assert.Equal(2, vectorStores.GetProperty("total").GetInt32());
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
