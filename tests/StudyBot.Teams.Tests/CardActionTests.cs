using System.Text.Json;
using System.Text.Json.Nodes;
using StudyBot.Teams.Rendering;
using StudyBot.Teams.Tests.Infrastructure;

namespace StudyBot.Teams.Tests;

public sealed class CardActionTests
{
    [Fact]
    public void TryRead_InvokeWithStudyBotButton_ReadsVerbAndValue()
    {
        var invoke = TeamsActivities.Load(TeamsActivities.CardActionInvoke, "https://smba.trafficmanager.net/amer/");
        var button = CardAction.Button("👍", "feedback", "ans-1|up");
        invoke["value"]!["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = button["verb"]!.DeepClone(), ["data"] = button["data"]!.DeepClone() };

        Assert.True(CardAction.TryRead(JsonSerializer.Deserialize<JsonElement>(invoke["value"]!.ToJsonString()), out var id, out var value));
        Assert.Equal(("feedback", "ans-1|up"), (id, value));
    }

    [Fact]
    public void TryRead_SubmitFallbackData_ReadsActionAndValue()
    {
        var data = CardAction.Button("👎", "feedback", "ans-1|down")["fallback"]!["data"]!;

        Assert.True(CardAction.TryRead(JsonSerializer.Deserialize<JsonElement>(data.ToJsonString()), out var id, out var value));
        Assert.Equal(("feedback", "ans-1|down"), (id, value));
    }

    [Fact]
    public void TryRead_RecordedUniversalActionOfAnotherApp_ReadsTheVerbWithAnEmptyValue()
    {
        var invoke = TeamsActivities.Load(TeamsActivities.CardActionInvoke, "https://smba.trafficmanager.net/amer/");

        Assert.True(CardAction.TryRead(JsonSerializer.Deserialize<JsonElement>(invoke["value"]!.ToJsonString()), out var id, out var value));
        Assert.Equal(("editOrResolveView", ""), (id, value));
    }

    [Fact]
    public void TryRead_RecordedMessageBackValue_IsNotAStudyBotAction()
    {
        var message = TeamsActivities.Load(TeamsActivities.SubmitMessage, "https://smba.trafficmanager.net/amer/");

        Assert.False(CardAction.TryRead(JsonSerializer.Deserialize<JsonElement>(message["value"]!.ToJsonString()), out _, out _));
    }
}
