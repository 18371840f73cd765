using System.Net;
using System.Net.Http.Json;

namespace StudyBot.Host.Tests;

public sealed class SafetyApiTests : RunningHostTests
{
    protected override Dictionary<string, string?> Settings() => new()
    {
        ["StudyBot:Safety:MaxQuestionChars"] = "100",
    };

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
