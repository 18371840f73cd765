using System.Net;
using System.Text.Json.Nodes;
using StudyBot.Teams.Tests.Infrastructure;
using StudyBot.Tests;

namespace StudyBot.Teams.Tests;

/// <summary>A Teams channel quiz carries on from an instance that never saw one of its activities: after a restart, or on another host.</summary>
public sealed class QuizRestartTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> FastQuiz = new()
    {
        ["StudyBot:Quiz:QuestionSeconds"] = "5",
        ["StudyBot:Quiz:PacerSeconds"] = "1",
    };

    private readonly TempFolder _data = new();
    private OpenIdAuthority _authority = null!;
    private FakeConnector _connector = null!;

    public async Task InitializeAsync()
    {
        _authority = await OpenIdAuthority.StartBotFrameworkAsync();
        _connector = await FakeConnector.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _authority.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task ChannelQuiz_HostRestartedMidQuiz_NextQuestionAndResultsArePostedInTheQuizThread()
    {
        var id = $"restart-{Guid.NewGuid():N}";
        var start = TeamsActivities.Mention(_connector.ServiceUrl, id, "quiz fine-tuning 2");
        string sessionId;
        int callsBeforeRestart;
        await using (var first = new TeamsHost(_authority, _connector, FastQuiz, _data.Path))
        {
            await first.WaitForIngestionAsync();
            Assert.Equal(HttpStatusCode.OK, (await first.PostActivityAsync(start, Token())).StatusCode);
            var question = await _connector.WaitForReplyAsync(id);
            sessionId = question.Card!["actions"]![0]!["data"]!["value"]!.GetValue<string>().Split('|')[0];
            callsBeforeRestart = _connector.Calls.Count;
        }

        await DataFolderLock.WaitUntilReleasedAsync(_data.Path);

        // The new instance has seen no activity of this conversation: only the stored quiz knows where it runs.
        await using var second = new TeamsHost(_authority, _connector, FastQuiz, _data.Path);
        await second.WaitForIngestionAsync();
        var next = await _connector.WaitForAsync(c => c.CardText.Contains($"{sessionId}|1|0", StringComparison.Ordinal));
        var results = await _connector.WaitForAsync(c => c.CardText.Contains("The quiz on fine-tuning is over", StringComparison.Ordinal));

        var thread = $"/amer/v3/conversations/{Uri.EscapeDataString(start["conversation"]!["id"]!.GetValue<string>())}/activities";
        Assert.Equal((thread, thread), (next.Path, results.Path));
        Assert.True(_connector.Calls.ToList().IndexOf(next) >= callsBeforeRestart, "the next question was posted before the restart");
        CardSchema.AssertValid(next.Card);
    }

    [Fact]
    public async Task ChannelQuiz_HostRestartedAfterAnAnswer_TheAnswererStillSeesTheirResultAndStaysOnTheCard()
    {
        var id = $"restart-view-{Guid.NewGuid():N}";
        var start = TeamsActivities.Mention(_connector.ServiceUrl, id, "quiz vector stores 2");
        var (ada, ben) = (TeamsActivities.Student(_connector.ServiceUrl, "29:1ada"), TeamsActivities.Student(_connector.ServiceUrl, "29:1ben"));
        RecordedCall question;
        JsonNode adasResult;
        await using (var first = new TeamsHost(_authority, _connector, dataDirectory: _data.Path))
        {
            await first.WaitForIngestionAsync();
            await first.PostActivityAsync(start, Token());
            question = await _connector.WaitForReplyAsync(id);
            adasResult = await first.InvokeAsync(TeamsActivities.Press(_connector.ServiceUrl, question.Card!["actions"]![0]!, ada, on: (start, question.SentId!)), Token());
        }

        await DataFolderLock.WaitUntilReleasedAsync(_data.Path);

        await using var second = new TeamsHost(_authority, _connector, dataDirectory: _data.Path);
        await second.WaitForIngestionAsync();
        var callsBeforeBen = _connector.Calls.Count;
        await second.InvokeAsync(TeamsActivities.Press(_connector.ServiceUrl, question.Card!["actions"]![1]!, ben, on: (start, question.SentId!)), Token());
        var adasView = await second.InvokeAsync(TeamsActivities.Press(_connector.ServiceUrl, question.Card!["refresh"]!["action"]!, ada, "automatic", (start, question.SentId!)), Token());

        var update = _connector.Calls.Skip(callsBeforeBen).Last(c => c.Method == "PUT" && c.Path.EndsWith("/activities/" + Uri.EscapeDataString(question.SentId!), StringComparison.Ordinal));
        Assert.Equal(["29:1ada", "29:1ben"], update.Card!["refresh"]!["userIds"]!.AsArray().Select(u => u!.GetValue<string>()));
        Assert.Equal("application/vnd.microsoft.card.adaptive", adasView["type"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(adasResult["value"], adasView["value"]), $"Ada's view after the restart: {adasView.ToJsonString()}");
    }

    private string Token() => _authority.IssueToken(TeamsActivities.BotAppId, _connector.ServiceUrl);
}
