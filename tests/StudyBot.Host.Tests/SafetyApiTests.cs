using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace StudyBot.Host.Tests;

public sealed class SafetyApiTests : RunningHostTests
{
    protected override Dictionary<string, string?> Settings() => new()
    {
        ["StudyBot:Safety:UserMessagesPerMinute"] = "2",
        ["StudyBot:Safety:MaxQuestionChars"] = "100",
    };

    [Fact]
    public async Task Ask_OverTheUserLimit_Returns429WithRetryAfterAndAFriendlyReason()
    {
        Client.DefaultRequestHeaders.Add("X-StudyBot-User", "ann");
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await Client.PostAsJsonAsync("/api/ask", new { question = "What is QLoRA?" })).StatusCode);
        }

        var limited = await Client.PostAsJsonAsync("/api/ask", new { question = "What is QLoRA?" });

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.InRange(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Contains("faster than I can keep up", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_OverTheUserLimit_AnswersWithANoticeWhileOthersAreAnswered()
    {
        using var bob = Host.CreateClient();
        bob.DefaultRequestHeaders.Add("X-StudyBot-User", "bob");
        for (var i = 0; i < 2; i++)
        {
            await bob.PostAsJsonAsync("/api/chat", new { text = "What is QLoRA?" });
        }

        var limited = await (await bob.PostAsJsonAsync("/api/chat", new { text = "What is QLoRA?" })).Content.ReadFromJsonAsync<JsonElement>();
        var other = await (await Client.PostAsJsonAsync("/api/chat", new { text = "What is QLoRA?" })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("notice", limited.GetProperty("type").GetString());
        Assert.Contains("try again in", limited.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("answer", other.GetProperty("type").GetString());
    }

    [Fact]
    public async Task AskAndChat_OverTheConfiguredLength_Return400NamingTheCap()
    {
        var ask = await Client.PostAsJsonAsync("/api/ask", new { question = new string('q', 101) });
        var chat = await Client.PostAsJsonAsync("/api/chat", new { text = new string('q', 101) });

        Assert.Equal(HttpStatusCode.BadRequest, ask.StatusCode);
        Assert.Contains("limit is 100", await ask.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, chat.StatusCode);
        Assert.Contains("at most 100", await chat.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
